package io.vantage.web.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.cloud.api.HandOverAgent;
import io.vantage.cloud.api.PoolSecrets;
import io.vantage.cloud.openstack.StatefulOpenStack;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.cloud.OpenStackFixture;

/**
 * The hand-over of the image contract, end to end: a pool machine on an OpenStack (a stateful WireMock whose servers
 * are all 127.0.0.1) is made with the pool's metadata, which the reference image's boot scripts and hand-over agent
 * are run with on this machine; a launch takes it and the portal hands it over through the agent. The desktop then
 * opens with the owner's secret at the owner's size and keyboard and no longer with the pool secret, the notebook is
 * restarted with the owner's token, the site's hand-over scripts get the experiments, the agent refuses any other
 * hand-over, and a reboot keeps the owner's settings.
 */
@PortalTest
class PoolContractTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    @Test
    void aPoolMachineRunningTheImagesScriptsIsHandedOverThroughItsAgent() throws Exception {
        ApiClient admin = new ApiClient(base(), oidc, "admin");
        int agentPort = ImageScripts.freePort();
        try (OpenStackFixture openstack = new OpenStackFixture(admin, jdbc, Map.of("pool-agent-port", agentPort));
             ImageScripts image = new ImageScripts(root)) {
            assertThat(admin.put("/api/admin/plans/" + openstack.planId() + "/pool", Map.of("size", 1)).status())
                    .isEqualTo(200);
            String uid = await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/admin/plans/"
                    + openstack.planId() + "/pool").body(), view -> view.get("ready").asInt() == 1)
                    .get("machines").get(0).get("uid").asString();
            Map<String, String> metadata = openstack.metadataOf(uid);
            assertThat(metadata).containsEntry("vantage-pool", "true").doesNotContainKey("vantage-owner");
            String poolSecret = metadata.get("vantage-secret");
            Path metadataFile = root.resolve("meta_data.json");
            Files.writeString(metadataFile, JsonMapper.builder().build().writeValueAsString(metadata));
            image.configure(metadataFile);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(image.etc.resolve("pool.json"))))
                    .isEqualTo("rw-------");

            int display = ImageContractTest.freeDisplay();
            image.start("vantage-desktop", "desktop.env", Map.of("VANTAGE_DISPLAY", String.valueOf(display),
                    "VANTAGE_LIB", ImageScripts.FILES.toString(), "VANTAGE_SESSION", "sleep 3600"), null,
                    root.resolve("desktop.log"));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> VncProbe.connect(5900 + display, poolSecret).authenticated());
            Path systemctl = fakeSystemctl();
            Path hooks = Files.createDirectories(image.etc.resolve("handover.d"));
            Files.writeString(hooks.resolve("10-data"), "#!/bin/sh\necho \"$VANTAGE_OWNER $VANTAGE_EXPERIMENTS\" > "
                    + root.resolve("data-mounted") + "\n");
            hooks.resolve("10-data").toFile().setExecutable(true);
            image.startScript("vantage-handover", Map.of("VANTAGE_ETC", image.etc.toString(), "VANTAGE_HOME",
                    image.home.toString(), "VANTAGE_USER", "vantage-contract-test-nobody", "VANTAGE_LIB",
                    ImageScripts.FILES.toString(), "VANTAGE_METADATA", metadataFile.toString(), "VANTAGE_CONFIGURE",
                    ImageScripts.FILES.resolve("vantage-configure").toString(), "VANTAGE_HANDOVER_PORT",
                    String.valueOf(agentPort), "VANTAGE_HANDOVER_ADDRESS", "127.0.0.1", "VANTAGE_DISPLAY",
                    String.valueOf(display), "VANTAGE_SYSTEMCTL", systemctl.toString()), root.resolve("agent.log"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(root.resolve("agent.log"))
                    .contains("waiting on port"));

            ApiClient owner = new ApiClient(base(), oidc, Desktops.scientist(jdbc, "contract-pool-user", "EXP-1"));
            ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", openstack.planId(),
                    "experimentIds", List.of("EXP-1"), "name", "Pooled contract", "keyboardLayout", "de-de-qwertz",
                    "screenWidth", 1280, "screenHeight", 800));
            assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
            assertThat(launched.get("uid").asString()).isEqualTo(uid);
            Desktops.awaitState(owner, uid, "ACTIVE");
            String ownerSecret = jdbc.queryForObject("select access_secret from instances where uid = ?",
                    String.class, uid);

            VncProbe.Answer vnc = VncProbe.connect(5900 + display, ownerSecret);
            assertThat(vnc.authenticated()).isTrue();
            assertThat(vnc.width()).isEqualTo(1280);
            assertThat(vnc.height()).isEqualTo(800);
            assertThat(VncProbe.connect(5900 + display, poolSecret).authenticated()).as("the pool secret").isFalse();
            assertThat(ImageScripts.run(List.of("setxkbmap", "-query"), Map.of("DISPLAY", ":" + display,
                    "XAUTHORITY", image.home.resolve(".Xauthority").toString()))).containsPattern("layout:\\s+de");
            assertThat(Files.readString(image.etc.resolve("jupyter.env"))).contains("JUPYTER_TOKEN=" + ownerSecret);
            assertThat(Files.readString(systemctl.resolveSibling("systemctl.log")))
                    .contains("try-restart vantage-jupyter.service vantage-files.service");
            assertThat(Files.readString(root.resolve("data-mounted")).strip()).isEqualTo("contract-pool-user EXP-1");
            assertThat(image.etc.resolve("pool.json")).doesNotExist();
            assertThat(Files.readString(image.etc.resolve("handover.json"))).doesNotContain(poolSecret);
            assertThat(Files.readString(root.resolve("agent.log"))).doesNotContain(poolSecret)
                    .doesNotContain(ownerSecret);

            assertThat(signedHandOver(agentPort, uid, poolSecret, "another-nonce")).as("a second hand-over")
                    .isEqualTo(409);
            assertThat(signedHandOver(agentPort, uid, "not-the-pool-secret", "third-nonce")).isEqualTo(403);

            image.configure(metadataFile); // a reboot: the cloud's metadata still names the pool
            assertThat(VncProbe.connect(5900 + display, ownerSecret).authenticated()).isTrue();
            assertThat(VncProbe.connect(5900 + display, poolSecret).authenticated()).isFalse();
            assertThat(image.etc.resolve("pool.json")).doesNotExist();

            admin.delete("/api/admin/plans/" + openstack.planId() + "/pool");
            assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> openstack.cloud().servers().stream()
                    .noneMatch(s -> uid.equals(s.metadata().get("vantage-instance"))));
        }
    }

    /** A hand-over request as the portal signs it, with the secret given. */
    private static int signedHandOver(int agentPort, String uid, String secret, String nonce) throws Exception {
        byte[] body = ("{\"vantage-instance\":\"" + uid + "\",\"vantage-owner\":\"intruder\","
                + "\"vantage-handover-nonce\":\"" + nonce + "\"}").getBytes(StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agentPort
                        + HandOverAgent.PATH)).header(HandOverAgent.SIGNATURE, PoolSecrets.requestSignature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Stands for systemd: records what it is asked. */
    private Path fakeSystemctl() throws Exception {
        Path script = root.resolve("systemctl");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> " + root.resolve("systemctl.log") + "\n");
        script.toFile().setExecutable(true);
        return script;
    }


    private String base() {
        return "http://localhost:" + port;
    }
}
