package io.vantage.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.security.EmbeddedOidcServer;

/** Calls the portal's API as a given user, with an access token from the embedded OIDC server. */
public class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    public ApiClient(String base, EmbeddedOidcServer oidc, String userId) {
        this.base = base;
        this.token = oidc.server().issueToken("vantage", userId, "vantage-portal", Map.of(), 3600).serialize();
    }

    public record Response(int status, JsonNode body, String raw) {
        public JsonNode get(String field) {
            return body.get(field);
        }
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public Response post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))).build());
    }

    public Response put(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public Response delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    public String token() {
        return token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        JsonNode body = raw == null || raw.isBlank() || !(raw.startsWith("{") || raw.startsWith("[")) ? null : JSON.readTree(raw);
        return new Response(response.statusCode(), body, raw);
    }
}
