package io.vantage.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.vantage.api.cloud.MemoryProviderFactory;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;

/**
 * A cloud that ends machines at a time limit of its own, which people may shorten but not lengthen (a Slurm job
 * without an operator's token; here the test-only memory type with {@code time-limit}): after the launch the portal
 * asks it to run the machine until the end of life; refused, the instance keeps its state, says why on its page, its
 * card and in the API, and its end of life comes back to the machine's end, so warnings come before it; an earlier
 * end set by an admin is accepted by the cloud and the refusal is no longer shown.
 */
@PortalTest
class TimeLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theMachinesEndFollowsTheLifetimeOrTheLifetimeFollowsTheMachineWithTheReasonShown() throws Exception {
        ApiClient admin = new ApiClient(base(), oidc, "admin");
        try (ServerSocket services = new ServerSocket(0)) {
            String name = "batch-" + UUID.randomUUID().toString().substring(0, 8);
            ApiClient.Response created = admin.post("/api/admin/providers", Map.of("name", name, "type", "memory",
                    "settings", Map.of("service-port", services.getLocalPort(), "api-key", "k", "time-limit", "2h")));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            assertThat(created.get("capabilities").toString()).contains("TIME_LIMIT").doesNotContain("STOP_START");
            long provider = created.get("id").asLong();
            long image = admin.post("/api/admin/images", Map.of("providerId", provider, "providerImageId",
                    "memory-desktop", "name", name + " desktop", "visible", true, "protocolIds",
                    List.of(protocolId()), "defaultProtocolId", protocolId())).get("id").asLong();
            long flavour = admin.post("/api/admin/flavours", Map.of("providerId", provider, "providerFlavourId",
                    "tiny", "name", name + " tiny")).get("id").asLong();
            long plan = admin.post("/api/admin/plans", Map.of("imageId", image, "flavourId", flavour)).get("id")
                    .asLong();

            String scientist = Desktops.scientist(jdbc, "time-limit-user", "EXP-1");
            ApiClient owner = new ApiClient(base(), oidc, scientist);
            ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", plan, "experimentIds",
                    List.of("EXP-1"), "name", "Batch job"));
            assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
            String uid = launched.get("uid").asString();
            Instant lifetime = Instant.parse(launched.get("terminationDate").asString());
            assertThat(lifetime).as("the owner's lifetime, beyond the machine's 2 h").isAfter(Instant.now()
                    .plus(Duration.ofDays(1)));
            Desktops.awaitState(owner, uid, "ACTIVE");
            String computeId = jdbc.queryForObject("select compute_id from instances where uid = ?", String.class, uid);
            Instant machineEnd = MemoryProviderFactory.ENDS.get(computeId);

            // refused: the instance stays ACTIVE, says why, and ends when the machine does
            JsonNode refused = await().atMost(Duration.ofSeconds(30)).until(() -> owner.get("/api/instances/" + uid)
                    .body(), view -> !view.get("timeLimitProblem").isNull()
                    && near(Instant.parse(view.get("terminationDate").asString()), machineEnd));
            assertThat(refused.get("state").asString()).isEqualTo("ACTIVE");
            assertThat(refused.get("timeLimitProblem").asString())
                    .contains("would not let this instance run until", "only operators may lengthen")
                    .contains("which is now its end of life");
            assertThat(MemoryProviderFactory.ENDS.get(computeId)).as("the machine's limit unchanged")
                    .isEqualTo(machineEnd);
            assertThat(jdbc.queryForObject("""
                    select e.expires_at from instance_expirations e join instances i on i.id = e.instance_id
                    where i.uid = ?""", java.sql.Timestamp.class, uid).toInstant())
                    .as("the planned deletion, and its warning, come before the machine ends")
                    .isBetween(machineEnd.minusMillis(1), machineEnd);
            HttpSession browser = new HttpSession(base());
            browser.loginThroughEmbeddedProvider(scientist, "{\"given_name\":\"Time\",\"family_name\":\"Limit\"}");
            HttpResponse<String> page = browser.get("/instances/" + uid);
            assertThat(page.body()).contains("only operators may lengthen");
            assertThat(browser.get("/").body()).contains("time-limit-problem").contains("only operators may lengthen");

            // an earlier end is the cloud's to accept: it follows, and the refusal is no longer shown
            Instant earlier = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            ApiClient.Response set = admin.post("/api/admin/instances/" + uid + "/extend",
                    Map.of("terminationDate", earlier.toString()));
            assertThat(set.status()).as(set.raw()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> earlier.equals(MemoryProviderFactory.ENDS.get(computeId)));
            await().atMost(Duration.ofSeconds(30)).until(() -> owner.get("/api/instances/" + uid).body()
                    .get("timeLimitProblem").isNull());
            assertThat(owner.get("/api/instances/" + uid).body().get("terminationDate").asString())
                    .isEqualTo(earlier.toString());
            assertThat(jdbc.queryForList("""
                    select c.state from instance_commands c join instances i on i.id = c.instance_id
                    where i.uid = ? and c.type = 'TIME_LIMIT' order by c.id""", String.class, uid))
                    .containsExactly("FAILED", "SUCCEEDED");

            assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
            Desktops.awaitState(owner, uid, "DELETED");
        }
    }

    /** The database keeps microseconds. */
    private static boolean near(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(Duration.ofMillis(1)) < 0;
    }

    private long protocolId() {
        return jdbc.queryForObject("select id from protocols where name = 'VNC'", Long.class);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
