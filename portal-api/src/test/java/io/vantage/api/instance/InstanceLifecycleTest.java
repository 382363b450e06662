package io.vantage.api.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;

/**
 * A real desktop through the whole lifecycle on the local provider: launch → ACTIVE (the VNC port answers) → stop →
 * start → delete, with every step in the instance's history.
 */
@PortalTest
class InstanceLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void launchStopStartDelete() throws Exception {
        ApiClient rosalind = new ApiClient("http://localhost:" + port, oidc,
                io.vantage.api.testing.Desktops.scientist(jdbc, "lifecycle-1", "EXP-1"));
        long plan = io.vantage.api.testing.Desktops.plan(jdbc, "desktop", "small");

        ApiClient.Response launched = rosalind.post("/api/instances", Map.of("planId", plan,
                "experimentIds", List.of("EXP-1"), "name", "Copolymer reduction", "screenWidth", 1280,
                "screenHeight", 800, "keyboardLayout", "en-gb-qwerty"));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        assertThat(launched.get("state").asText()).isEqualTo("BUILDING");
        String uid = launched.get("uid").asText();

        awaitState(rosalind, uid, "ACTIVE");
        JsonNode active = rosalind.get("/api/instances/" + uid).body();
        assertThat(active.get("activatedAt").isNull()).isFalse();
        assertThat(active.get("screen").asText()).isEqualTo("1280x800");
        assertThat(active.get("myRole").asText()).isEqualTo("OWNER");

        assertThat(rosalind.post("/api/instances/" + uid + "/stop", null).status()).isEqualTo(202);
        awaitState(rosalind, uid, "STOPPED");
        assertThat(rosalind.post("/api/instances/" + uid + "/stop", null).status())
                .as("stopping a stopped instance is a conflict").isEqualTo(409);

        assertThat(rosalind.post("/api/instances/" + uid + "/start", null).status()).isEqualTo(202);
        awaitState(rosalind, uid, "ACTIVE");

        assertThat(rosalind.delete("/api/instances/" + uid).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELETED".equals(
                jdbc.queryForObject("select state from instances where uid = ?", String.class, uid)));
        assertThat(rosalind.get("/api/instances").raw()).doesNotContain(uid);

        List<String> history = new ArrayList<>();
        jdbc.query("""
                select c.type, c.state, c.actor_id from instance_commands c join instances i on i.id = c.instance_id
                where i.uid = ? order by c.id""", rs -> {
            history.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
        }, uid);
        assertThat(history).containsExactly("CREATE:SUCCEEDED:lifecycle-1", "STOP:SUCCEEDED:lifecycle-1",
                "START:SUCCEEDED:lifecycle-1", "DELETE:SUCCEEDED:lifecycle-1");
        assertThat(jdbc.queryForList("select action from audit_events where target_id = ? order by id", String.class, uid))
                .containsExactly("instance.launch", "instance.stop", "instance.start", "instance.delete");
    }

    static void awaitState(ApiClient client, String uid, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode instance = client.get("/api/instances/" + uid).body();
            assertThat(instance.get("state").asText()).as("state of %s (%s)", uid, instance.get("stateReason"))
                    .isEqualTo(state);
        });
    }
}
