package io.vantage.web.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.web.ApiClient;
import io.vantage.web.Desktops;
import io.vantage.web.RfbClient;
import io.vantage.web.browser.Browser;

/**
 * The portal on a real Slurm cluster (the one-node test cluster of {@code .ci/slurm/start.sh}, profile {@code slurm}):
 * a notebook and a desktop launched through the API run as Slurm jobs, a notebook cell runs through the portal's
 * proxy, the desktop answers through the VNC relay, and deleting cancels the jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.reconcile.fast-interval=500ms",
        "vantage.commands.poll-interval=200ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlurmPortalIT {

    private static final Path CLUSTER = Path.of(System.getenv().getOrDefault("VANTAGE_SLURM_DIR",
            "/var/tmp/vantage-slurm"));

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient owner;
    Browser browser;

    /** The provider {@code hpc} from the cluster's {@code slurm.env}; fails with what to do when it is not running. */
    @DynamicPropertySource
    static void slurm(DynamicPropertyRegistry registry) throws IOException {
        Path file = CLUSTER.resolve("slurm.env");
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("No " + file + ": start the test cluster with .ci/slurm/start.sh (root or "
                    + "password-less sudo), or run mvn -Pslurm verify, which starts it");
        }
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                env.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        String settings = "vantage.cloud.providers.hpc.settings.";
        registry.add("vantage.cloud.providers.hpc.type", () -> "slurm");
        registry.add(settings + "url", () -> env.get("VANTAGE_SLURM_URL"));
        registry.add(settings + "user-name", () -> env.get("VANTAGE_SLURM_USER"));
        registry.add(settings + "token-file", () -> env.get("VANTAGE_SLURM_TOKEN_FILE"));
        registry.add(settings + "work-dir", () -> env.get("VANTAGE_SLURM_WORK_DIR"));
        registry.add(settings + "bind-address", () -> "127.0.0.1");
        registry.add(settings + "time-limit", () -> "2h");
        registry.add(settings + "images.desktop.kind", () -> "desktop");
        registry.add(settings + "images.notebook.kind", () -> "notebook");
        registry.add(settings + "flavours.small.cpus", () -> "1");
        registry.add(settings + "flavours.small.memory-mib", () -> "512");
    }

    @BeforeAll
    void catalogue() {
        Long provider = jdbc.queryForObject("select id from cloud_providers where name = 'hpc'", Long.class);
        for (String[] image : new String[][] {{"Slurm desktop", "desktop", "VNC"},
                {"Slurm notebook", "notebook", "JUPYTER"}}) {
            jdbc.update("""
                    insert into images (name, version, description, icon, provider_id, provider_image_id,
                                        default_protocol_id, boot_script)
                    select ?, '1', 'On the Slurm test cluster', 'bi-hdd-network', ?, ?, pr.id, null
                    from protocols pr where pr.name = ?""", image[0], provider, image[1], image[2]);
        }
        jdbc.update("""
                insert into image_protocols (image_id, protocol_id)
                select id, default_protocol_id from images where provider_id = ?""", provider);
        jdbc.update("""
                insert into flavours (name, cpu, memory_mib, gpu, provider_id, provider_flavour_id)
                values ('Slurm small', 1, 512, 0, ?, 'small')""", provider);
        jdbc.update("""
                insert into plans (image_id, flavour_id, preset)
                select i.id, f.id, false from images i join flavours f on f.provider_id = i.provider_id
                where i.provider_id = ?""", provider);
        owner = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "slurm-owner", "EXP-2"));
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void notebookRunsAsASlurmJobAndACellRunsThroughTheProxy() throws Exception {
        String uid = launchActive("Slurm notebook");
        assertThat(squeue(uid)).startsWith("RUNNING vantage-jobs");

        Page page = browser.signedIn("slurm-owner");
        String base = "/instances/" + uid + "/jupyter";
        page.navigate(browser.base() + base + "/tree");
        page.waitForSelector("#notebook_list");
        String xsrf = page.context().cookies().stream().filter(c -> c.name.equals("_xsrf")).findFirst()
                .orElseThrow().value;
        APIResponse created = page.request().put(browser.base() + base + "/api/contents/slurm-test.ipynb",
                RequestOptions.create().setHeader("X-XSRFToken", xsrf).setHeader("Content-Type", "application/json")
                        .setData(Map.of("type", "notebook", "format", "json", "content", Map.of("cells", List.of(),
                                "metadata", Map.of(), "nbformat", 4, "nbformat_minor", 5))));
        assertThat(created.status()).isIn(200, 201);
        page.navigate(browser.base() + base + "/notebooks/slurm-test.ipynb");
        page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon",
                new Page.WaitForSelectorOptions().setTimeout(60_000));
        page.locator(".CodeMirror").first().click();
        page.keyboard().type("import os; print(os.environ.get('SLURM_JOB_ID', 'none'), 6 * 7)");
        page.keyboard().press("Shift+Enter");
        String jobId = jobId(uid);
        page.waitForSelector(".output_subarea:has-text('" + jobId + " 42')");
        Browser.screenshot(page, "slurm-notebook-cell-ran");
        page.context().close();

        deleteAndAwaitCancelled(uid);
    }

    @Test
    void desktopRunsAsASlurmJobAndAnswersThroughTheVncRelay() throws Exception {
        String uid = launchActive("Slurm desktop");
        String ticket = Desktops.ticket(owner, uid, "VNC");
        RfbClient client = new RfbClient();
        RfbClient.connect("ws://localhost:" + port + "/tunnels/vnc?ticket=" + ticket + "&instance=" + uid, client)
                .join();
        RfbClient.ServerInit init = client.handshake();
        assertThat(init.securityResult()).containsExactly(0, 0, 0, 0);
        assertThat(init.width()).isEqualTo(1024);
        assertThat(init.height()).isEqualTo(768);
        client.send(new byte[] {3, 0, 0, 0, 0, 0, 4, 0, 3, 0});
        assertThat(client.read(1)).containsExactly(0);
        client.close();

        deleteAndAwaitCancelled(uid);
    }

    private String launchActive(String imageName) throws Exception {
        long plan = jdbc.queryForObject("""
                select p.id from plans p join images i on i.id = p.image_id where i.name = ?""", Long.class, imageName);
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", plan, "experimentIds",
                List.of("EXP-2"), "name", imageName, "screenWidth", 1024, "screenHeight", 768));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String uid = launched.get("uid").asText();
        Desktops.awaitState(owner, uid, "ACTIVE");
        return uid;
    }

    private void deleteAndAwaitCancelled(String uid) throws Exception {
        String jobId = jobId(uid);
        assertThat(owner.delete("/api/instances/" + uid).status()).isIn(202, 204);
        Desktops.awaitState(owner, uid, "DELETED");
        await().atMost(Duration.ofSeconds(60)).until(() -> !squeueById(jobId).startsWith("RUNNING"));
    }

    private String jobId(String uid) {
        return jdbc.queryForObject("select compute_id from instances where uid = ?", String.class, uid);
    }

    private static String squeue(String uid) throws Exception {
        return run("squeue", "-h", "--name=vantage-" + uid, "-o", "%T %u");
    }

    private static String squeueById(String jobId) throws Exception {
        return run("squeue", "-h", "-j", jobId, "-o", "%T");
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SLURM_CONF", CLUSTER.resolve("etc/slurm.conf").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
