package io.vantage.cloud.slurm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudTransientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to slurmrestd with JWT authentication. Every call has the portal's call timeout; nothing is retried
 * here (the portal's command queue retries transient failures). The token never reaches a log or a message.
 */
final class SlurmHttp {

    /** An answer: its status and JSON body (an empty object when the body was not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String userName;
    private final Token token;
    private final Duration timeout;
    private final HttpClient client;

    SlurmHttp(String baseUrl, String userName, Token token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.userName = userName;
        this.token = token;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String userName() {
        return userName;
    }

    Answer get(String action, String path) {
        return send(action, request(path, userName).GET());
    }

    Answer post(String action, String path, JsonNode body, String asUser) {
        return send(action, request(path, asUser).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer delete(String action, String path) {
        return send(action, request(path, userName).DELETE());
    }

    /** The answer's body when it is a success; else the failure as the SPI's exception. */
    JsonNode require(String action, Answer answer) {
        if (!answer.ok()) {
            Optional<Instant> expiry = token.expiry();
            if (expiry.isPresent() && expiry.get().isBefore(Instant.now())) {
                throw new CloudPermanentException("Could not " + action + ": the Slurm token of user " + userName
                        + " expired at " + expiry.get() + " (renew token or token-file)");
            }
            throw SlurmErrors.status(action, answer.status(), answer.body(), userName);
        }
        return answer.body();
    }

    private HttpRequest.Builder request(String path, String asUser) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json")
                .header("X-SLURM-USER-NAME", asUser)
                .header("X-SLURM-USER-TOKEN", token.value());
    }

    private Answer send(String action, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SlurmErrors.unreachable(action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudTransientException("Could not " + action + ": interrupted", e);
        }
        return new Answer(response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            // a proxy's HTML error page, say: the status tells the story
            return JSON.createObjectNode();
        }
    }
}
