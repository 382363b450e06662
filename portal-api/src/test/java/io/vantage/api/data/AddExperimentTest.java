package io.vantage.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;

/**
 * An experiment added to a running notebook: only one its owner is on, by the owner (or an admin, for an owner who
 * is on it); the folder is linked at once and the local provider says that its group reaches the notebook's
 * processes at the next restart (stop and start), which the process's own groups confirm. A guest member sees the
 * folders, may change nothing, and cannot add any.
 */
@PortalTest
class AddExperimentTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExperimentJoinsARunningNotebookAndItsGroupAfterARestart() throws Exception {
        assumeTrue(isRoot(), "data groups need a root portal (CI runs tests as root)");
        Desktops.scientist(jdbc, "grow-owner", "EXP-1");
        Desktops.scientist(jdbc, "grow-owner", "EXP-5");
        Desktops.scientist(jdbc, "grow-guest", "EXP-2");
        ApiClient owner = api("grow-owner");
        String uid = Desktops.launchActive(owner, jdbc, "notebook", List.of("EXP-1"));
        assertThat(owner.post("/api/instances/" + uid + "/members", Map.of("userId", "grow-guest", "role", "GUEST"))
                .status()).isEqualTo(201);
        ApiClient.Response before = owner.get("/api/instances/" + uid + "/data");
        assertThat(before.raw()).doesNotContain("~/data/EXP-5");
        assertThat(before.get("addable").toString()).contains("EXP-5").doesNotContain("EXP-2");

        ApiClient.Response notTheirs = owner.post("/api/instances/" + uid + "/experiments", Map.of("experimentId", "EXP-2"));
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.get("detail").asString()).contains("You are not on experiment EXP-2");
        ApiClient.Response byAdmin = api("admin").post("/api/instances/" + uid + "/experiments",
                Map.of("experimentId", "EXP-3"));
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.get("detail").asString()).contains("The owner is not on experiment EXP-3");
        ApiClient guest = api("grow-guest");
        assertThat(guest.post("/api/instances/" + uid + "/experiments", Map.of("experimentId", "EXP-2")).status())
                .isEqualTo(403);
        ApiClient.Response seenByGuest = guest.get("/api/instances/" + uid + "/data");
        assertThat(seenByGuest.get("writable").asBoolean()).isFalse();
        assertThat(seenByGuest.get("addable").size()).isZero();
        assertThat(seenByGuest.raw()).contains("~/data/EXP-1");

        ApiClient.Response added = owner.post("/api/instances/" + uid + "/experiments", Map.of("experimentId", "EXP-5"));
        assertThat(added.status()).as(added.raw()).isEqualTo(202);
        assertThat(added.raw()).contains("~/data/EXP-5");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ApiClient.Response data = owner.get("/api/instances/" + uid + "/data");
            assertThat(data.get("lastChange").get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(data.get("lastChange").get("message").asString()).contains("~/data/EXP-5")
                    .contains("after the instance is restarted");
        });
        Path instance = Desktops.home(jdbc, uid).orElseThrow().getParent();
        Path exp5 = Files.readSymbolicLink(instance.resolve("data/EXP-5"));
        int exp5Group = (Integer) Files.getAttribute(exp5, "unix:gid");
        assertThat(groupsOfJupyter(instance)).doesNotContain(exp5Group);

        // Stop and start rather than reboot: the portal believes a rebooted machine's "running" only after the
        // reconciler's settle time (2 minutes), which would make this test wait on a timer.
        assertThat(owner.post("/api/instances/" + uid + "/stop", null).status()).isEqualTo(202);
        Desktops.awaitState(owner, uid, "STOPPED");
        assertThat(owner.post("/api/instances/" + uid + "/start", null).status()).isEqualTo(202);
        Desktops.awaitState(owner, uid, "ACTIVE");
        assertThat(groupsOfJupyter(instance)).contains(exp5Group);
        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }

    /** The supplementary groups of the notebook server as it runs now (from /proc). */
    private static List<Integer> groupsOfJupyter(Path instance) throws Exception {
        Properties record = new Properties();
        try (var in = Files.newBufferedReader(instance.resolve("instance.properties"))) {
            record.load(in);
        }
        String pid = record.getProperty("process.0").split(",")[1];
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(line -> line.startsWith("Groups:"))
                .findFirst().map(line -> line.substring("Groups:".length()).strip())
                .map(groups -> groups.isEmpty() ? List.<Integer>of()
                        : java.util.Arrays.stream(groups.split("\\s+")).map(Integer::valueOf).toList())
                .orElseThrow();
    }

    private static boolean isRoot() throws Exception {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private ApiClient api(String user) {
        return new ApiClient("http://localhost:" + port, oidc, user);
    }
}
