package io.vantage.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.vantage.web.HttpSession;

/** The configured provider is down: the portal still starts, and people are told why they cannot sign in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vantage.database.embedded.ephemeral=true")
class IdentityProviderDownTest {

    @DynamicPropertySource
    static void unreachableProvider(DynamicPropertyRegistry registry) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("vantage.auth.oidc.issuer-uri", () -> "http://localhost:" + closedPort + "/realms/vantage");
        registry.add("vantage.auth.oidc.client-secret", () -> "secret");
    }

    @LocalServerPort
    int port;

    @Test
    void portalRunsAndLoginExplainsTheOutage() throws Exception {
        HttpSession browser = new HttpSession("http://localhost:" + port);
        assertThat(browser.get("/actuator/health").body()).contains("UP");

        HttpResponse<String> start = browser.get(HttpSession.location(browser.get("/")));
        assertThat(HttpSession.location(start)).endsWith("/login-error");
        HttpResponse<String> page = browser.get(HttpSession.location(start));
        assertThat(page.body()).contains("The login service").contains("is not reachable right now");
    }

    @Test
    void apiTokensGetServiceUnavailableRatherThanACrash() throws Exception {
        HttpSession client = new HttpSession("http://localhost:" + port);
        HttpResponse<String> response = client.get("/api/me", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("could not be reached to check your access token");
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
    }
}
