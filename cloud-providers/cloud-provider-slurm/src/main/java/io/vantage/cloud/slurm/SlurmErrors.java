package io.vantage.cloud.slurm;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudTransientException;
import tools.jackson.databind.JsonNode;

/**
 * Turns slurmrestd's answers into the SPI's two kinds of failure. slurmrestd answers 500 for most of Slurm's own
 * errors and lists them as {@code errors: [{error_number, error, description}]}: communication errors (1xxx) and
 * socket errors (5xxx) mean the controller is unreachable or restarting, and settle by themselves; the rest (access
 * denied, invalid account or partition, policy violations) need a person. Slurm 22.05's slurmrestd answers a
 * controller that is down and a controller that rejects the token alike ({@code error_number -1}, "slurmctld config
 * is unable to load"): that counts as passing, with both explanations, unless the token has visibly expired.
 */
final class SlurmErrors {

    static final int INVALID_JOB_ID = 2017;
    static final int ALREADY_DONE = 2021;
    static final int ACCESS_DENIED = 2002;
    private static final Pattern PASSING = Pattern.compile("try again|busy|temporar|standby|timed? ?out|in progress");

    private SlurmErrors() {
    }

    static CloudProviderException unreachable(String action, Throwable cause) {
        if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException) {
            return new CloudTransientException("Could not " + action + ": slurmrestd did not answer in time", cause);
        }
        return new CloudTransientException("Could not " + action + ": cannot reach slurmrestd (" + cause + ")", cause);
    }

    static CloudProviderException status(String action, int status, JsonNode body, String userName) {
        String detail = describe(body);
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        return switch (status) {
            case 401 -> new CloudPermanentException("Could not " + action + ": slurmrestd rejected the token of user "
                    + userName + " (HTTP 401; expired, or not made with the cluster's JWT key?)" + suffix);
            case 403 -> new CloudPermanentException("Could not " + action + ": slurmrestd forbids it (HTTP 403)"
                    + suffix);
            case 404 -> new CloudPermanentException("Could not " + action + ": slurmrestd does not know this path "
                    + "(HTTP 404; does it load the OpenAPI plugin of setting api-version?)" + suffix);
            case 429, 502, 503, 504 -> new CloudTransientException("Could not " + action + ": slurmrestd is busy or "
                    + "unavailable (HTTP " + status + ")" + suffix);
            default -> slurmError(action, status, body, suffix, userName);
        };
    }

    private static CloudProviderException slurmError(String action, int status, JsonNode body, String suffix,
                                                     String userName) {
        List<Integer> numbers = numbers(body);
        if (numbers.contains(-1)) {
            return new CloudTransientException("Could not " + action + ": Slurm did not complete it (HTTP " + status
                    + ")" + suffix + " (the controller is down or restarting, or it rejected the token of user "
                    + userName + ")");
        }
        boolean passing = numbers.stream().anyMatch(n -> (n >= 1000 && n < 2000) || (n >= 5000 && n < 6000))
                || PASSING.matcher(suffix.toLowerCase(Locale.ROOT)).find();
        if (passing || (numbers.isEmpty() && status >= 500)) {
            return new CloudTransientException("Could not " + action + ": Slurm did not complete it (HTTP " + status
                    + ")" + suffix);
        }
        if (numbers.contains(ACCESS_DENIED)) {
            return new CloudPermanentException("Could not " + action + ": Slurm denies it to the provider's user "
                    + "(only operators may lengthen time limits or act on other users' jobs)" + suffix);
        }
        return new CloudPermanentException("Could not " + action + ": Slurm refused it (HTTP " + status + ")" + suffix);
    }

    static boolean has(JsonNode body, int errorNumber) {
        return numbers(body).contains(errorNumber);
    }

    /** The error numbers of the answer's {@code errors} list. */
    static List<Integer> numbers(JsonNode body) {
        List<Integer> numbers = new ArrayList<>();
        if (body != null) {
            for (JsonNode error : body.path("errors")) {
                JsonNode number = error.has("error_number") ? error.get("error_number") : error.get("error_code");
                if (number != null && number.isNumber() && number.asInt() != 0) {
                    numbers.add(number.asInt());
                }
            }
        }
        return numbers;
    }

    /** Slurm's own words: each error's text and description, without duplicates. */
    static String describe(JsonNode body) {
        List<String> parts = new ArrayList<>();
        if (body != null) {
            for (JsonNode error : body.path("errors")) {
                for (String field : new String[] {"error", "description"}) {
                    String text = error.path(field).asString("");
                    if (!text.isBlank() && parts.stream().noneMatch(text::equals)) {
                        parts.add(text);
                    }
                }
            }
        }
        return String.join("; ", parts);
    }
}
