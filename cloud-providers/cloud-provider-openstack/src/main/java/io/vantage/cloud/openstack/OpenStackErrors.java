package io.vantage.cloud.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudTransientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;

/**
 * Turns what openstack4j and okhttp throw into the SPI's two kinds of failure. {@code action} is an infinitive
 * phrase ("boot server 'x'") so every message reads "Could not boot server 'x': ...".
 */
final class OpenStackErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenStackErrors() {
    }

    static CloudProviderException translate(String action, RuntimeException failure) {
        if (failure instanceof CloudProviderException known) {
            return known;
        }
        // ConnectionException is a ResponseException with status 0: the request never got an answer.
        if (failure instanceof ConnectionException connection) {
            return unreachable(action, connection.getCause() == null ? connection : connection.getCause());
        }
        if (failure instanceof ResponseException response) {
            return status(action, response.getStatus(), response.getMessage(), failure);
        }
        Throwable io = ioCause(failure);
        if (io != null) {
            return unreachable(action, io);
        }
        return new CloudPermanentException("Could not " + action + ": unexpected failure (" + failure + ").", failure);
    }

    static CloudProviderException unreachable(String action, Throwable cause) {
        if (cause instanceof InterruptedIOException) {
            return new CloudTransientException("Could not " + action
                    + ": OpenStack did not answer within the configured timeout.", cause);
        }
        return new CloudTransientException("Could not " + action + ": cannot reach OpenStack ("
                + cause.getMessage() + ").", cause);
    }

    static CloudProviderException status(String action, int status, String message, Throwable cause) {
        String detail = sentence(message);
        if (status == 429) {
            return new CloudTransientException("Could not " + action + ": OpenStack is rate-limiting requests (HTTP 429)"
                    + detail, cause);
        }
        if (status >= 500) {
            return new CloudTransientException("Could not " + action + ": OpenStack is unavailable (HTTP " + status + ")"
                    + detail, cause);
        }
        if (message != null && message.toLowerCase().contains("quota exceeded")) {
            return new CloudPermanentException("Could not " + action + ": the OpenStack project is over its quota ("
                    + trimPeriod(message) + ").", cause);
        }
        String reason = switch (status) {
            case 400 -> "OpenStack rejected the request as invalid";
            case 401 -> "OpenStack rejected the credentials";
            case 403 -> "OpenStack does not allow it";
            case 404 -> "OpenStack does not know it";
            case 409 -> "it conflicts with the current state in OpenStack";
            case 413 -> "OpenStack refused it as over a limit";
            default -> "OpenStack refused it";
        };
        return new CloudPermanentException("Could not " + action + ": " + reason + " (HTTP " + status + ")" + detail,
                cause);
    }

    /** The human message inside an OpenStack error body: {@code {"forbidden": {"message": "..."}}} and alike. */
    static String messageOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root.hasNonNull("message")) {
                return root.get("message").asText();
            }
            for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
                JsonNode inner = it.next();
                if (inner.hasNonNull("message")) {
                    return inner.get("message").asText();
                }
            }
        } catch (IOException notJson) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
        return null;
    }

    private static String sentence(String message) {
        return message == null || message.isBlank() ? "." : ": " + trimPeriod(message) + ".";
    }

    private static String trimPeriod(String message) {
        String trimmed = message.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static Throwable ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t;
            }
        }
        return null;
    }
}
