package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vantage.api.testing.PortalTest;

/** Only admins reach the admin API: every controller answers others with 403 problem+json, strangers with 401. */
@PortalTest
class AdminAccessTest extends AdminApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({
            "GET, /api/admin/images",
            "GET, /api/admin/protocols",
            "GET, /api/admin/providers/1/images",
            "GET, /api/admin/flavours",
            "GET, /api/admin/plans",
            "GET, /api/admin/roles",
            "POST, /api/admin/groups",
            "GET, /api/admin/users",
            "GET, /api/admin/providers/1/security-groups",
            "GET, /api/admin/notifications",
            "GET, /api/admin/providers",
            "GET, /api/admin/instances",
            "POST, /api/admin/orphans/cleanup",
            "GET, /api/admin/extension-requests",
            "GET, /api/admin/audit",
            "GET, /api/admin/overview"})
    void plainUsersAreForbidden(String method, String path) throws Exception {
        HttpResponse<String> forbidden = send(method, path, user.token());
        assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(forbidden.body()).contains("\"status\":403");

        // Without a token (and without a session) every call needs authentication first.
        assertThat(send(method, path, null).statusCode()).isEqualTo(401);
        String staff = new io.vantage.api.testing.ApiClient(base(), oidc, "2001").token();
        assertThat(send(method, path, staff).statusCode()).as("staff are not admins").isEqualTo(403);
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
