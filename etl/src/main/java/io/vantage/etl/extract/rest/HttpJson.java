package io.vantage.etl.extract.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.etl.config.EtlProperties.Auth;
import io.vantage.etl.extract.SourceFormatException;

/** GETs JSON pages with the configured authentication and timeouts; anything but a 2xx fails the run. */
final class HttpJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient client;
    private final String authorization;
    private final Duration readTimeout;

    HttpJson(Auth auth, Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.authorization = header(auth);
        this.readTimeout = readTimeout;
    }

    private static String header(Auth auth) {
        return switch (auth.type()) {
            case NONE -> null;
            case BEARER -> {
                require(auth.token(), "vantage.etl.rest.auth.token");
                yield "Bearer " + auth.token();
            }
            case BASIC -> {
                require(auth.username(), "vantage.etl.rest.auth.username");
                String pair = auth.username() + ":" + (auth.password() == null ? "" : auth.password());
                yield "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set for this authentication type");
        }
    }

    JsonNode get(URI url) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(readTimeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                String text = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip();
                throw new IOException("GET " + url + " answered HTTP " + response.statusCode()
                        + (text.isEmpty() ? "" : ": " + text));
            }
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new SourceFormatException(url.toString(), null, "the response is not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }
}
