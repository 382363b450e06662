package io.vantage.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.events.EventBus;
import io.vantage.api.events.LiveEvent;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.LifecyclePortalTest;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.testing.MutableClock;

/**
 * Roles are evaluated on every request: an admin who loses the role (revoked, or a grant that ran out) is refused
 * at the very next request of the same browser session, on the pages and on the API, and their live-events stream
 * stops carrying what only admins see at the same moment. A role granted while signed in counts at once.
 */
@LifecyclePortalTest
class LiveRolesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    MutableClock clock;

    @Autowired
    EventBus bus;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** A person of their own, signed in through the embedded provider in a browser-like session. */
    HttpSession signedIn(String id) throws Exception {
        jdbc.update("insert into users (id, first_name, last_name) values (?, 'Live', 'Admin')", id);
        HttpSession browser = new HttpSession(base());
        assertThat(browser.loginThroughEmbeddedProvider(id, "{\"given_name\":\"Live\",\"family_name\":\"Admin\"}")
                .statusCode()).isEqualTo(200);
        return browser;
    }

    static int status(HttpSession browser, String path) throws Exception {
        return browser.get(path).statusCode();
    }

    /** An event about someone else's instance: only admins get it. Then one for the person, to know delivery ran. */
    void publishAdminOnlyThenOwn(String marker, String userId) {
        bus.publish(new LiveEvent("state", "uid-" + marker, Set.of("nobody-" + marker), Map.of("marker", marker)));
        bus.publish(new LiveEvent("state", "uid-own-" + marker, Set.of(userId), Map.of("marker", "own-" + marker)));
    }

    @Test
    void aRevokedAdminIsRefusedAtTheNextRequestAndStopsGettingAdminEvents() throws Exception {
        String id = "live-" + UUID.randomUUID().toString().substring(0, 8);
        HttpSession browser = signedIn(id);
        ApiClient otherAdmin = new ApiClient(base(), oidc, "admin");
        assertThat(status(browser, "/admin")).isEqualTo(403);

        assertThat(otherAdmin.post("/api/admin/users/" + id + "/roles", Map.of("role", "ADMIN")).status()).isEqualTo(201);
        assertThat(status(browser, "/admin")).as("granted while signed in: counts at once").isEqualTo(200);
        assertThat(status(browser, "/api/admin/users")).isEqualTo(200);

        try (LiveEventsClient stream = new LiveEventsClient(browser)) {
            publishAdminOnlyThenOwn("before-revoke", id);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.of("state", "own-before-revoke").isEmpty());
            assertThat(stream.of("state", "\"before-revoke\"")).hasSize(1);

            assertThat(otherAdmin.delete("/api/admin/users/" + id + "/roles/ADMIN").status()).isEqualTo(200);

            assertThat(status(browser, "/admin")).isEqualTo(403);
            assertThat(status(browser, "/api/admin/users")).isEqualTo(403);
            assertThat(browser.get("/api/me").body()).doesNotContain("ADMIN");
            publishAdminOnlyThenOwn("after-revoke", id);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.of("state", "own-after-revoke").isEmpty());
            assertThat(stream.of("state", "\"after-revoke\"")).isEmpty();
        }
    }

    @Test
    void anExpiringGrantStopsAtItsExpiryForRequestsStreamsAndOpenConnections() throws Exception {
        String id = "expiring-" + UUID.randomUUID().toString().substring(0, 8);
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        HttpSession browser = signedIn(id);
        ApiClient otherAdmin = new ApiClient(base(), oidc, "admin");
        assertThat(otherAdmin.post("/api/admin/users/" + id + "/roles",
                Map.of("role", "ADMIN", "expiresAt", expiry.toString())).status()).isEqualTo(201);
        assertThat(status(browser, "/admin")).isEqualTo(200);

        List<String> notified = new CopyOnWriteArrayList<>();
        try (LiveEventsClient stream = new LiveEventsClient(browser); Connection listener = dataSource.getConnection()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("listen vantage_access");
            }
            publishAdminOnlyThenOwn("before-expiry", id);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.of("state", "own-before-expiry").isEmpty());
            assertThat(stream.of("state", "\"before-expiry\"")).hasSize(1);

            clock.advance(Duration.ofHours(1).plusSeconds(1));

            assertThat(status(browser, "/admin")).as("the request right after the expiry").isEqualTo(403);
            assertThat(status(browser, "/api/admin/users")).isEqualTo(403);
            publishAdminOnlyThenOwn("after-expiry", id);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.of("state", "own-after-expiry").isEmpty());
            assertThat(stream.of("state", "\"after-expiry\"")).isEmpty();

            // Open connections are told by the expiry job, on whichever replica runs it.
            PGConnection pg = listener.unwrap(PGConnection.class);
            await().atMost(Duration.ofSeconds(60)).alias("an access notice for " + id + " (watermark, grant and clock: "
                    + "see the failure's condition)").conditionEvaluationListener(condition -> {
                        if (condition.getRemainingTimeInMS() <= 0 || !condition.isSatisfied()
                                && condition.getElapsedTimeInMS() > 55_000) {
                            System.err.println("LiveRolesTest diagnostics: clock " + clock.instant() + ", "
                                    + jdbc.queryForList("select key, value from portal_settings") + ", "
                                    + jdbc.queryForList("select * from shedlock") + ", notified " + notified);
                        }
                    }).until(() -> {
                PGNotification[] received = pg.getNotifications(500);
                if (received != null) {
                    for (PGNotification notification : received) {
                        notified.add(notification.getParameter());
                    }
                }
                return notified.stream().anyMatch(payload -> payload.contains("\"userId\":\"" + id + "\""));
            });
        }
    }
}
