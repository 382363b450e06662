package io.vantage.web.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test Keycloak's admin REST API (master realm admin of {@code .ci/keycloak/start.sh}), and its process, which
 * that script started and recorded: a test may freeze and thaw it to play a hung identity provider.
 */
final class KeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path PID_FILE = Path.of("..", "target", "keycloak", "keycloak.pid");

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakAdmin(String base) {
        this.base = base;
    }

    private String adminToken() throws IOException, InterruptedException {
        return JSON.readTree(form(base + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin").body())
                .get("access_token").asText();
    }

    HttpResponse<String> form(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/vantage" + path))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /** Points the portal client's back-channel logout at this test's portal (its port is random). */
    void backChannelLogoutTo(String url) throws IOException, InterruptedException {
        JsonNode client = JSON.readTree(call("GET", "/clients?clientId=vantage-portal", null).body()).get(0);
        ObjectNode updated = (ObjectNode) client;
        updated.put("frontchannelLogout", false);
        ((ObjectNode) updated.get("attributes")).put("backchannel.logout.url", url)
                .put("backchannel.logout.session.required", "true");
        call("PUT", "/clients/" + client.get("id").asText(), JSON.writeValueAsString(updated));
    }

    /** Ends all the user's Keycloak sessions, as an admin does in the console; Keycloak tells the clients. */
    void logout(String username) throws IOException, InterruptedException {
        JsonNode user = JSON.readTree(call("GET", "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).body()).get(0);
        call("POST", "/users/" + user.get("id").asText() + "/logout", null);
    }

    /** Stops (SIGSTOP) or resumes (SIGCONT) the Keycloak processes: connections are accepted, nothing answers. */
    static void signal(String signal) throws IOException, InterruptedException {
        String pid = Files.readString(PID_FILE).strip();
        Process kill = new ProcessBuilder("bash", "-c", "kill -" + signal + " -- -" + pid).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " -" + pid + " failed");
        }
    }
}
