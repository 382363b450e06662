package io.vantage.web.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;
import io.vantage.api.testing.RfbClient;
import io.vantage.api.testing.TestInstances;
import io.vantage.web.image.VncProbe;

/**
 * A pool of 2 real desktops on the local provider: a launch gets one of them, opened through the portal's VNC relay
 * with the owner's secret while the pool secret no longer opens it, its processes started afresh with the owner's
 * experiments; the pool refills; pool machines are in nobody's dashboard or list; withdrawing the plan deletes
 * them, leaving no machine behind.
 */
@PortalTest
class PoolDesktopTest {

    private static final Logger log = LoggerFactory.getLogger(PoolDesktopTest.class);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProviderRegistry providers;

    @Test
    void aLaunchGetsAPooledDesktopWithTheOwnersSecretAndDataAndAWithdrawnPlanDrainsThePool() throws Exception {
        ApiClient admin = new ApiClient(base(), oidc, "admin");
        long plan = desktopPlanOfItsOwn();
        assertThat(admin.put("/api/admin/plans/" + plan + "/pool", Map.of("size", 2)).status()).isEqualTo(200);
        List<String> pooled = awaitReady(admin, plan, 2);
        CloudProvider local = providers.require(jdbc.queryForObject(
                "select id from cloud_providers where name = 'local'", Long.class));
        for (String machine : pooled) {
            assertThat(VncProbe.connect(vncPort(local, machine), secretOf(machine)).authenticated())
                    .as("the pool secret opens a pool machine").isTrue();
        }

        String scientist = Desktops.scientist(jdbc, "pool-desktop-user", "EXP-1");
        ApiClient owner = new ApiClient(base(), oidc, scientist);
        HttpSession dashboard = new HttpSession(base());
        dashboard.loginThroughEmbeddedProvider(scientist, "{\"given_name\":\"Pool\",\"family_name\":\"User\"}");
        HttpSession adminPages = new HttpSession(base());
        adminPages.loginThroughEmbeddedProvider("admin", "{\"given_name\":\"Grace\",\"family_name\":\"Hopper\"}");
        for (String machine : pooled) {
            assertThat(dashboard.get("/").body()).doesNotContain(machine);
            assertThat(adminPages.get("/admin/instances").body()).doesNotContain(machine);
            assertThat(owner.get("/api/instances").raw()).doesNotContain(machine);
            assertThat(admin.get("/api/admin/instances?size=200").raw()).doesNotContain(machine);
        }
        String poolSecrets = String.join(",", pooled.stream().map(this::secretOf).toList());

        long clicked = System.nanoTime();
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", plan, "experimentIds",
                List.of("EXP-1"), "name", "Pooled desktop", "screenWidth", 1280, "screenHeight", 800));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String uid = launched.get("uid").asString();
        assertThat(pooled).contains(uid);
        Desktops.awaitState(owner, uid, "ACTIVE");
        log.info("Pooled desktop {} ACTIVE {} ms after the launch", uid, (System.nanoTime() - clicked) / 1_000_000);

        RfbClient relay = new RfbClient();
        RfbClient.connect("ws://localhost:" + port + "/tunnels/vnc?ticket=" + Desktops.ticket(owner, uid, "VNC")
                + "&instance=" + uid, relay).join();
        RfbClient.ServerInit init = relay.handshake();
        assertThat(init.securityResult()).as("the relay authenticated with the owner's secret")
                .containsExactly(0, 0, 0, 0);
        assertThat(init.width()).isEqualTo(1280);
        assertThat(init.height()).isEqualTo(800);
        relay.close();
        String poolSecret = poolSecrets.split(",")[pooled.indexOf(uid)];
        assertThat(secretOf(uid)).isNotEqualTo(poolSecret);
        assertThat(VncProbe.connect(vncPort(local, uid), poolSecret).authenticated())
                .as("the pool secret after hand-over").isFalse();
        assertThat(VncProbe.connect(vncPort(local, uid), secretOf(uid)).authenticated()).isTrue();
        assertThat(environmentsOf("vi-" + uid)).isNotEmpty().allSatisfy(environment ->
                assertThat(environment).contains("VANTAGE_EXPERIMENTS=EXP-1"));
        // the owner's data, given before the hand-over started the processes afresh: linked, and its group theirs
        Path exp1 = Files.readSymbolicLink(Desktops.home(jdbc, uid).orElseThrow().getParent().resolve("data/EXP-1"));
        String exp1Group = String.valueOf(Files.getAttribute(exp1, "unix:gid"));
        assertThat(procOf("vi-" + uid, "status")).isNotEmpty().allSatisfy(status -> assertThat(status.lines()
                .filter(line -> line.startsWith("Groups:")).findFirst().orElseThrow().split("\\s+"))
                .contains(exp1Group));
        assertThat(dashboard.get("/").body()).contains(uid);

        List<String> refilled = awaitReady(admin, plan, 2);
        assertThat(refilled).doesNotContain(uid);

        assertThat(admin.delete("/api/admin/plans/" + plan).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String machine : refilled) {
                assertThat(jdbc.queryForObject("select state from instances where uid = ?", String.class, machine))
                        .isEqualTo("DELETED");
                assertThat(local.compute().findByInstanceUid(machine)).as("machine of " + machine).isEmpty();
            }
        });
        assertThat(owner.get("/api/instances/" + uid).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }

    /** A plan of its own (a copy of the demo desktop image), so no other test's launch takes its machines. */
    private long desktopPlanOfItsOwn() {
        return TestInstances.planOnACopyOfTheDemoDesktop(jdbc, "Desktop (pool test)", null);
    }

    private List<String> awaitReady(ApiClient admin, long plan, int ready) {
        List<String> uids = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            var view = admin.get("/api/admin/plans/" + plan + "/pool").body();
            assertThat(view.get("ready").asInt()).as(view.toString()).isEqualTo(ready);
            assertThat(view.get("warming").asInt()).as(view.toString()).isZero();
            uids.clear();
            view.get("machines").forEach(machine -> uids.add(machine.get("uid").asString()));
        });
        return uids;
    }

    private int vncPort(CloudProvider local, String uid) {
        CloudInstance machine = local.compute().findByInstanceUid(uid).orElseThrow();
        return local.network().endpoint(machine, 5901).orElseThrow().port();
    }

    private String secretOf(String uid) {
        return jdbc.queryForObject("select access_secret from instances where uid = ?", String.class, uid);
    }

    /** The environment of every process the instance's own user runs (where the portal runs as root). */
    private static List<String> environmentsOf(String user) throws Exception {
        return procOf(user, "environ").stream().map(environment -> environment.replace('\0', '\n')).toList();
    }

    /**
     * One file of /proc/<pid>/ for every process the instance's own user runs. Zombies run nothing and keep what
     * they had before they ended (a container's first process may never reap them): they are left out.
     */
    private static List<String> procOf(String user, String file) throws Exception {
        Process ps = new ProcessBuilder("ps", "-u", user, "-o", "pid=,stat=").start();
        String lines = new String(ps.getInputStream().readAllBytes());
        ps.waitFor();
        List<String> environments = new ArrayList<>();
        for (String line : lines.strip().split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 2 || fields[1].startsWith("Z")) {
                continue;
            }
            String pid = fields[0];
            try {
                environments.add(new String(Files.readAllBytes(Path.of("/proc", pid, file))));
            } catch (FileSystemException ended) {
                // a short-lived process of the session (the desktop's start-up) ended since ps listed it, or is
                // a zombie not yet reaped (its folder is there, its environment answers "No such process")
                if (Files.exists(Path.of("/proc", pid)) && !"No such process".equals(ended.getReason())) {
                    throw ended;
                }
            }
        }
        return environments;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
