package io.vantage.web.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
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
import tools.jackson.databind.JsonNode;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.RfbClient;
import io.vantage.api.transfer.TransferFiles;
import io.vantage.web.browser.Browser;

/**
 * The portal on a real Slurm cluster (the one-node test cluster of {@code .ci/slurm/start.sh}, profile {@code slurm}).
 * Cloud {@code hpc} has SlurmUser's token and runs each person's jobs under their own Unix account (the default);
 * cloud {@code hpc-shared} has one user's own token and runs everybody's jobs under that account. A notebook and a
 * desktop launched through the API run as their owner's Slurm jobs, a cell runs through the portal's proxy and the
 * desktop answers through the VNC relay; a job queued behind a full node shows its place as the instance's reason;
 * the job's time limit follows the lifetime and its extensions, or the refusal is shown and the lifetime follows the
 * job; deleting cancels the jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.reconcile.fast-interval=500ms",
        "vantage.commands.poll-interval=200ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlurmPortalIT {

    /** Unix accounts the test cluster has; portal people of the same ids own the instances. */
    static final String FIRST = "vantage-jobs";
    static final String SECOND = "vantage-jobs2";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient first;
    ApiClient second;
    Browser browser;

    @DynamicPropertySource
    static void slurm(DynamicPropertyRegistry registry) throws Exception {
        TestCluster cluster = TestCluster.require();
        cluster.provider(registry, "hpc", "slurm", cluster.env("VANTAGE_SLURM_ADMIN_TOKEN_FILE"), null);
        cluster.provider(registry, "hpc-shared", SECOND, cluster.env("VANTAGE_SLURM_TOKEN_FILE2"), SECOND);
    }

    @BeforeAll
    void catalogue() {
        for (String provider : List.of("hpc", "hpc-shared")) {
            TestCluster.catalogue(jdbc, provider);
        }
        first = new ApiClient(base(), oidc, Desktops.scientist(jdbc, FIRST, "EXP-2"));
        second = new ApiClient(base(), oidc, Desktops.scientist(jdbc, SECOND, "EXP-2"));
        browser = new Browser(base());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void notebookRunsAsItsOwnersSlurmJobAndACellRunsThroughTheProxy() throws Exception {
        String uid = launch(first, "hpc", "notebook", "small");
        Desktops.awaitState(first, uid, "ACTIVE");
        assertThat(TestCluster.squeue(jobId(uid), "%T %u")).isEqualTo("RUNNING " + FIRST);

        // As main's NotebookProxyTest: the instance page shows the notebook in a frame on its own origin
        Page page = browser.signedIn(FIRST);
        String origin = "http://" + uid + ".notebooks.localhost:" + port;
        String jupyter = "/instances/" + uid + "/jupyter";
        page.navigate(browser.base() + "/instances/" + uid);
        page.frameLocator("#notebook-frame").locator("#notebook_list").waitFor();
        Frame frame = page.frames().stream().filter(f -> f.url().startsWith(origin + jupyter)).findFirst()
                .orElseThrow();
        Object created = frame.evaluate("async path => (await fetch(path, {method: 'PUT', headers: {'Content-Type':"
                + " 'application/json'}, body: JSON.stringify({type: 'notebook', format: 'json', content: {cells: [],"
                + " metadata: {}, nbformat: 4, nbformat_minor: 5}})})).status", jupyter + "/api/contents/slurm-test.ipynb");
        assertThat(((Number) created).intValue()).isIn(200, 201);
        frame.navigate(origin + jupyter + "/notebooks/slurm-test.ipynb");
        frame.waitForSelector("#kernel_indicator_icon.kernel_idle_icon",
                new Frame.WaitForSelectorOptions().setTimeout(60_000));
        frame.locator(".CodeMirror").first().click();
        page.keyboard().type("import os, getpass; print(os.environ.get('SLURM_JOB_ID'), getpass.getuser(), 6 * 7)");
        page.keyboard().press("Shift+Enter");
        frame.waitForSelector(".output_subarea:has-text('" + jobId(uid) + " " + FIRST + " 42')");
        Browser.screenshot(page, "slurm-notebook-cell-ran");
        page.context().close();

        deleteAndAwaitCancelled(first, uid);
    }

    @Test
    void desktopAnswersThroughTheVncRelayAndOffersNoStopStartOrReboot() throws Exception {
        String uid = launch(first, "hpc", "desktop", "small");
        Desktops.awaitState(first, uid, "ACTIVE");
        String ticket = Desktops.ticket(first, uid, "VNC");
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

        // the Files tab goes through the image's file service the job started next to the desktop, as its user
        // (a name of this instance's: the test cluster's homes outlive a run on the same machine)
        String name = "from-browser-" + uid + ".bin";
        Path file = Files.createTempFile("slurm-upload-", ".bin");
        byte[] content = new byte[3 << 20];
        new Random(7).nextBytes(content);
        Files.write(file, content);
        try {
            HttpResponse<String> up = TransferFiles.upload(base(), first.token(), uid, name, file);
            assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
            HttpResponse<InputStream> down = TransferFiles.download(base(), first.token(), uid, name);
            assertThat(down.statusCode()).isEqualTo(200);
            assertThat(TransferFiles.sha256(down.body())).isEqualTo(TransferFiles.sha256(file));
            assertThat(first.get("/api/instances/" + uid + "/files").body().get("via").asString())
                    .isEqualTo("image");
        } finally {
            Files.delete(file);
            Files.deleteIfExists(TestCluster.home(FIRST).resolve(name));
        }

        JsonNode actions = first.get("/api/instances/" + uid).get("actions");
        assertThat(actions.get("stopStart").asBoolean()).isFalse();
        assertThat(actions.get("reboot").asBoolean()).isFalse();
        assertThat(first.post("/api/instances/" + uid + "/stop", null).status()).isEqualTo(409);
        assertThat(first.post("/api/instances/" + uid + "/reboot", null).status()).isEqualTo(409);
        String html = session(FIRST).get("/instances/" + uid).body();
        assertThat(html).contains("data-action=\"delete\"").doesNotContain("data-action=\"stop\"")
                .doesNotContain("data-action=\"reboot\"").doesNotContain("data-action=\"start\"");

        deleteAndAwaitCancelled(first, uid);
    }

    @Test
    void aJobWaitingBehindAFullNodeShowsItsPlaceInTheQueueAsTheReason() throws Exception {
        String blocker = TestCluster.blockNode(SECOND);
        try {
            String uid = launch(first, "hpc", "notebook", "small");
            JsonNode waiting = await().atMost(Duration.ofSeconds(60)).until(() -> first.get("/api/instances/" + uid)
                    .body(), view -> view.get("stateReason").asString("").contains("Resources"));
            assertThat(waiting.get("state").asString()).isEqualTo("BUILDING");
            assertThat(waiting.get("stateReason").asString()).contains("Waiting in Slurm's queue: 1st of 1 waiting")
                    .contains("Slurm's reason: Resources (the nodes it needs are busy)");
            assertThat(TestCluster.squeue(jobId(uid), "%T")).isEqualTo("PENDING");
            await().atMost(Duration.ofSeconds(60)).until(() -> first.get("/api/instances/" + uid).body()
                    .get("stateReason").asString("").contains("Expected start"));
            assertThat(session(FIRST).get("/").body()).as("the dashboard card says why it waits")
                    .contains("Waiting in Slurm&#39;s queue");

            TestCluster.cancel(blocker);
            Desktops.awaitState(first, uid, "ACTIVE");
            deleteAndAwaitCancelled(first, uid);
        } finally {
            TestCluster.cancel(blocker);
        }
    }

    @Test
    void theJobsTimeLimitFollowsTheLifetimeAndItsExtension() throws Exception {
        String uid = launch(first, "hpc", "desktop", "small");
        Desktops.awaitState(first, uid, "ACTIVE");
        String job = jobId(uid);
        Instant lifetime = Instant.parse(first.get("/api/instances/" + uid).get("terminationDate").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> near(TestCluster.end(job), lifetime));

        Instant later = Instant.now().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ApiClient.Response extended = first.post("/api/instances/" + uid + "/extension-requests", Map.of(
                "requestedUntil", later.toString(), "comments", "Beam time moved"));
        assertThat(extended.status()).as(extended.raw()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> near(TestCluster.end(job), later));
        JsonNode view = first.get("/api/instances/" + uid).body();
        assertThat(Instant.parse(view.get("terminationDate").asString())).isEqualTo(later);
        assertThat(view.get("timeLimitProblem").isNull()).isTrue();

        deleteAndAwaitCancelled(first, uid);
    }

    @Test
    void aRefusedLongerTimeLimitIsShownAndTheLifetimeEndsWithTheJob() throws Exception {
        JsonNode shared = new ApiClient(base(), oidc, "admin").get("/api/admin/providers").body();
        assertThat(shared.toString()).contains("All jobs run as the one Unix account '" + SECOND + "'");
        String uid = launch(second, "hpc-shared", "desktop", "small");
        Desktops.awaitState(second, uid, "ACTIVE");
        String job = jobId(uid);
        assertThat(TestCluster.squeue(job, "%T %u")).isEqualTo("RUNNING " + SECOND);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from instance_commands c join instances i on i.id = c.instance_id
                where i.uid = ? and c.type = 'TIME_LIMIT' and c.state in ('SUCCEEDED', 'FAILED')""",
                Integer.class, uid) > 0);

        ApiClient.Response extended = second.post("/api/instances/" + uid + "/extension-requests", Map.of(
                "requestedUntil", Instant.now().plus(Duration.ofDays(25)).toString(), "comments", "More time"));
        assertThat(extended.status()).as(extended.raw()).isIn(200, 201);
        JsonNode refused = await().atMost(Duration.ofSeconds(30)).until(() -> second.get("/api/instances/" + uid)
                .body(), view -> view.get("timeLimitProblem").asString("").contains("only operators")
                && near(TestCluster.end(job), Instant.parse(view.get("terminationDate").asString())));
        assertThat(refused.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(refused.get("terminationDate").asString()))
                .isBefore(Instant.now().plus(Duration.ofDays(25)));
        assertThat(session(SECOND).get("/instances/" + uid).body()).contains("only operators may lengthen");

        deleteAndAwaitCancelled(second, uid);
    }

    private String launch(ApiClient owner, String provider, String image, String flavour) throws Exception {
        long plan = jdbc.queryForObject("""
                select p.id from plans p join images i on i.id = p.image_id join flavours f on f.id = p.flavour_id
                join cloud_providers c on c.id = i.provider_id
                where c.name = ? and i.provider_image_id = ? and f.provider_flavour_id = ?""", Long.class,
                provider, image, flavour);
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", plan, "experimentIds",
                List.of("EXP-2"), "name", provider + " " + image, "screenWidth", 1024, "screenHeight", 768));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String uid = launched.get("uid").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> jobId(uid) != null);
        return uid;
    }

    private void deleteAndAwaitCancelled(ApiClient owner, String uid) throws Exception {
        String job = jobId(uid);
        assertThat(owner.delete("/api/instances/" + uid).status()).isIn(202, 204);
        Desktops.awaitState(owner, uid, "DELETED");
        await().atMost(Duration.ofSeconds(60)).until(() -> !TestCluster.squeue(job, "%T").startsWith("RUNNING"));
    }

    private String jobId(String uid) {
        return jdbc.queryForObject("select compute_id from instances where uid = ?", String.class, uid);
    }

    private HttpSession session(String user) throws Exception {
        HttpSession session = new HttpSession(base());
        session.loginThroughEmbeddedProvider(user, "{\"given_name\":\"Test\",\"family_name\":\"" + user + "\"}");
        return session;
    }

    /** Slurm counts whole minutes from the job's start and rounds up. */
    private static boolean near(Instant slurm, Instant portal) {
        return slurm != null && Duration.between(portal, slurm).abs().compareTo(Duration.ofSeconds(125)) < 0;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
