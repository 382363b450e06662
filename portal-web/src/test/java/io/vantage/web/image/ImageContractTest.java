package io.vantage.web.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.cloud.openstack.StatefulOpenStack;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.cloud.OpenStackFixture;

/**
 * The image contract (docs/image-contract.md), end to end: the portal launches an instance on an OpenStack (a
 * stateful WireMock) with a keyboard and a screen size; the metadata it sends Nova for that launch is fed to the
 * reference image's own boot scripts, run on this machine; the desktop they start speaks VNC on the documented port
 * rule with the instance's secret as password, at the chosen size, with the chosen keyboard layout in X; the notebook
 * answers under the base URL the portal's proxy uses, with the secret as its token, and nowhere else.
 */
@PortalTest
class ImageContractTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    @Test
    void theImagesBootScriptsServeWhatThePortalSendsForALaunch() throws Exception {
        ApiClient admin = new ApiClient(base(), oidc, "admin");
        try (OpenStackFixture openstack = new OpenStackFixture(admin, jdbc);
             ImageScripts image = new ImageScripts(root)) {
            ApiClient owner = new ApiClient(base(), oidc, Desktops.scientist(jdbc, "contract-user", "EXP-1"));
            ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", openstack.planId(),
                    "experimentIds", List.of("EXP-1"), "name", "Contract", "keyboardLayout", "en-gb-qwerty",
                    "screenWidth", 1280, "screenHeight", 800));
            assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
            String uid = launched.get("uid").asString();
            Map<String, String> metadata = await().atMost(Duration.ofSeconds(60))
                    .until(() -> openstack.cloud().servers().stream()
                            .filter(s -> uid.equals(s.metadata().get("vantage-instance")))
                            .map(StatefulOpenStack.Server::metadata).findFirst().orElse(null), m -> m != null);
            assertThat(metadata).as("the keys docs/image-contract.md lists").containsKeys("vantage-deployment",
                    "vantage-instance", "vantage-owner", "vantage-experiments", "vantage-screen", "vantage-keyboard",
                    "vantage-notebook-base-url", "vantage-secret");
            String secret = metadata.get("vantage-secret");
            Path metadataFile = root.resolve("meta_data.json");
            Files.writeString(metadataFile, JsonMapper.builder().build().writeValueAsString(metadata));

            assertThat(image.configure(metadataFile)).contains("keyboard gb")
                    .contains("notebook at /instances/" + uid + "/jupyter/").doesNotContain(secret);

            int display = freeDisplay();
            image.start("vantage-desktop", "desktop.env", Map.of("VANTAGE_DISPLAY", String.valueOf(display),
                    "VANTAGE_LIB", ImageScripts.FILES.toString(), "VANTAGE_SESSION", "sleep 3600"), null,
                    root.resolve("desktop.log"));
            VncProbe.Answer vnc = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> VncProbe.connect(5900 + display, secret), a -> a.authenticated());
            assertThat(vnc.width()).isEqualTo(1280);
            assertThat(vnc.height()).isEqualTo(800);
            assertThat(VncProbe.connect(5900 + display, "wrong-password").authenticated()).isFalse();
            Map<String, String> x = Map.of("DISPLAY", ":" + display, "XAUTHORITY",
                    image.home.resolve(".Xauthority").toString());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(ImageScripts.run(List.of("setxkbmap", "-query"), x)).containsPattern("layout:\\s+gb"));

            int jupyter;
            try (ServerSocket free = new ServerSocket(0)) {
                jupyter = free.getLocalPort();
            }
            Map<String, String> notebookEnv = new HashMap<>(Map.of("VANTAGE_JUPYTER", "/usr/bin/jupyter",
                    "VANTAGE_JUPYTER_PORT", String.valueOf(jupyter)));
            image.start("vantage-notebook", "jupyter.env", notebookEnv, image.asUnprivileged(), root.resolve(
                    "notebook.log"));
            String notebook = "http://127.0.0.1:" + jupyter;
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        status(notebook + "/instances/" + uid + "/jupyter/api/status", secret) == 200);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("notebook did not answer: " + Files.readString(root.resolve("notebook.log")), e);
            }
            assertThat(status(notebook + "/instances/" + uid + "/jupyter/api/status", null))
                    .as("the secret is the token").isEqualTo(403);
            assertThat(status(notebook + "/api/status", secret)).as("nothing outside the base URL").isEqualTo(404);

            assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> openstack.cloud().servers().isEmpty());
        }
    }

    private static int status(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** An X display number nobody uses here, whose VNC port (5900 + n) is free too. */
    static int freeDisplay() {
        for (int display = 60; display < 100; display++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + display)) || Files.exists(Path.of("/tmp/.X" + display
                    + "-lock"))) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(5900 + display)) {
                return display;
            } catch (java.io.IOException e) {
                // taken; try the next one
            }
        }
        throw new IllegalStateException("no free X display between :60 and :99");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
