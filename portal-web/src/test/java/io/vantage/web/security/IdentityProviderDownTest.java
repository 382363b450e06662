package io.vantage.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.vantage.api.testing.HttpSession;

/**
 * The configured provider is frozen (it accepts connections and never answers): the portal still starts, people
 * are told why they cannot sign in within the configured timeout, and API callers get a 503. With a real provider
 * configured, the embedded database gets none of the demo people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.auth.oidc.timeout=2s"})
class IdentityProviderDownTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static ServerSocket frozen;
    static final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void frozenProvider(DynamicPropertyRegistry registry) throws Exception {
        frozen = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!frozen.isClosed()) {
                try {
                    accepted.add(frozen.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "frozen-identity-provider");
        acceptor.setDaemon(true);
        acceptor.start();
        registry.add("vantage.auth.oidc.issuer-uri", () -> "http://localhost:" + frozen.getLocalPort() + "/realms/vantage");
        registry.add("vantage.auth.oidc.client-secret", () -> "secret");
    }

    @AfterAll
    static void thaw() throws IOException {
        frozen.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void portalRunsAndLoginExplainsTheOutageWithinTheTimeout() throws Exception {
        HttpSession browser = new HttpSession("http://localhost:" + port);
        assertThat(browser.get("/actuator/health").body()).contains("UP");

        long started = System.nanoTime();
        HttpResponse<String> start = browser.get(HttpSession.location(browser.get("/")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(HttpSession.location(start)).endsWith("/login-error");
        assertThat(took).as("answered after the timeout, not after the provider").isGreaterThanOrEqualTo(TIMEOUT)
                .isLessThan(TIMEOUT.multipliedBy(10));
        assertThat(accepted).as("the provider was called").isNotEmpty();
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

    @Test
    void aRealProviderGetsNoDemoPeople() {
        assertThat(jdbc.queryForObject("select count(*) from users", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from instruments", Integer.class)).isZero();
    }
}
