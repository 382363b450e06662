package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.vantage.cloud.api.CloudProviderException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Proxmox VE REST API ({@code /api2/json}) with an API token: every answer is {@code {"data": ...}}, and errors
 * carry their text in {@code message} (Proxmox 8; older versions put it only in the status line, which
 * {@code java.net.http} does not expose) and a parameter's problem in {@code errors}. Bodies are form-encoded, as the
 * web interface and {@code pvesh} send them.
 */
final class ProxmoxApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final Duration timeout;

    ProxmoxApi(ProxmoxSettings settings, Duration timeout) {
        // pveproxy speaks HTTP/1.1 only
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .sslContext(ProxmoxTls.context(settings)).followRedirects(HttpClient.Redirect.NEVER).build();
        String url = settings.apiUrl().strip().replaceAll("/+$", "");
        this.base = url.endsWith("/api2/json") ? url : url + "/api2/json";
        this.authorization = "PVEAPIToken=" + settings.tokenId() + "=" + settings.tokenSecret();
        this.timeout = timeout;
    }

    /** An HTTP error answer, before it is turned into the SPI's kinds of failure. */
    static final class Failure extends RuntimeException {

        final int status;
        final JsonNode errors;

        Failure(int status, String message, JsonNode errors) {
            super(message);
            this.status = status;
            this.errors = errors;
        }

        boolean says(String text) {
            return getMessage() != null && getMessage().toLowerCase(java.util.Locale.ROOT).contains(text);
        }
    }

    JsonNode get(String action, String path, Map<String, ?> query) {
        return translated(action, Map.of(), () -> raw("GET", path + queryString(query), null));
    }

    /** {@code origins} names the setting each parameter came from, for a refusal that should name it. */
    JsonNode post(String action, String path, Map<String, ?> form, Map<String, String> origins) {
        return translated(action, origins, () -> raw("POST", path, form));
    }

    JsonNode delete(String action, String path, Map<String, ?> query) {
        return translated(action, Map.of(), () -> raw("DELETE", path + queryString(query), null));
    }

    /** Throws {@link Failure} for an error answer, so that a caller can treat some of them as answers. */
    JsonNode raw(String method, String pathAndQuery, Map<String, ?> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(encode(form)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ProxmoxErrors.unreachable(e, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProxmoxErrors.interrupted(e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = body.path("message").asText("").strip();
            throw new Failure(response.statusCode(), message.isEmpty() ? null : message, body.get("errors"));
        }
        return body.has("data") ? body.get("data") : NullNode.getInstance();
    }

    private JsonNode translated(String action, Map<String, String> origins, java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (Failure failure) {
            throw ProxmoxErrors.translate(action, failure, origins);
        } catch (CloudProviderException e) {
            throw ProxmoxErrors.withAction(action, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            // a proxy's HTML error page: keep its start as the message
            return JSON.createObjectNode().put("message", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    static String queryString(Map<String, ?> query) {
        return query == null || query.isEmpty() ? "" : "?" + encode(query);
    }

    private static String encode(Map<String, ?> values) {
        StringJoiner joined = new StringJoiner("&");
        values.forEach((key, value) -> {
            if (value != null) {
                joined.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }
}
