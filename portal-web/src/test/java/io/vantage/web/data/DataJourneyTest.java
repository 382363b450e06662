package io.vantage.web.data;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.browser.Browser;

/**
 * The demo's experiment data end to end, in Chromium, with real notebooks as users of their own: Alice launches a
 * notebook for EXP-1 through the wizard and reads its sample NeXus file with h5py, cannot write into the raw data,
 * writes into her proposal's area; Bob's notebook for EXP-5 (same proposal) reads what she wrote. Eve, on another
 * proposal, cannot launch with EXP-1, reaches none of its files from her own notebook whatever the path, and her
 * "Analyse in Vantage" link to EXP-1 answers 403 saying why.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataJourneyTest {

    private static final String RESULT = "I(q) fitted by Alice";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    String bobNotebook;
    String eveNotebook;

    @BeforeAll
    void peopleAndTheirNotebooks() throws Exception {
        Desktops.scientist(jdbc, "data-alice", "EXP-1");
        Desktops.scientist(jdbc, "data-bob", "EXP-5");
        Desktops.scientist(jdbc, "data-eve", "EXP-2");
        bobNotebook = Desktops.launchActive(api("data-bob"), jdbc, "notebook", List.of("EXP-5"));
        eveNotebook = Desktops.launchActive(api("data-eve"), jdbc, "notebook", List.of("EXP-2"));
        browser = new Browser(base());
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void aliceReadsAndPlotsHerExperimentsSampleInANotebookAndWritesOnlyIntoHerProposalsArea() throws Exception {
        Page page = browser.signedIn("data-alice");
        page.navigate(base() + "/launch");
        page.locator("#step-experiments input[value='EXP-1']").check();
        page.locator("#step-experiments button[type=submit]").click();
        page.locator("#step-environment label:has-text('Jupyter notebook')").click();
        page.locator("#step-environment button[type=submit]").click();
        page.locator("#step-size label[data-flavour^='Small']").click();
        page.locator("#step-size button[type=submit]").click();
        page.locator("#launch-submit").click();
        page.waitForURL(url -> url.matches(".*/instances/[a-z0-9]{12}$"));
        String uid = page.url().substring(page.url().lastIndexOf('/') + 1);
        Desktops.awaitState(api("data-alice"), uid, "ACTIVE");
        page.reload();
        page.locator("#data-tab").click();
        assertThat(page.locator("#data-folders [data-folder='~/data/EXP-1']")).isVisible();
        assertThat(page.locator("#data-folders [data-folder='~/data/EXP-1']")).containsText("read-only");
        assertThat(page.locator("#data-folders [data-folder='~/data/20250117-processed']")).containsText("writable");
        Browser.screenshot(page, "data-01-instance-data-tab");

        page.navigate(NotebookCells.jupyter(port, uid) + "/tree/data/EXP-1");
        assertThat(page.locator("#notebook_list")).containsText("EXP-1.nxs");
        assertThat(page.locator("#notebook_list")).containsText("EXP-1_reduced.csv");
        Browser.screenshot(page, "data-02-sample-listed");
        List<String> outputs = NotebookCells.run(page, port, uid, "alice", List.of("""
                import h5py
                with h5py.File('data/EXP-1/EXP-1.nxs') as f:
                    frames = f['entry/data/frames'][()]
                    print('frames', frames.shape, f['entry/instrument/name'][()].decode())""", """
                %matplotlib inline
                import matplotlib.pyplot as plt
                plt.imshow(frames[0])
                plt.show()""", """
                try:
                    open('data/EXP-1/mine.txt', 'w')
                    print('raw data written')
                except PermissionError as e:
                    print('raw data refused:', e.strerror)""", """
                open('data/20250117-processed/alice-result.txt', 'w').write('%s')
                print('area written')""".formatted(RESULT)));
        Browser.screenshot(page, "data-03-cells-ran");
        assertThat(outputs).containsExactly("frames (3, 20, 20) D22", "image/png",
                "raw data refused: Permission denied", "area written");
        page.context().close();
    }

    @Test
    @Order(2)
    void bobsNotebookForAnotherExperimentOfTheProposalSeesAlicesResult() {
        Page page = browser.signedIn("data-bob");
        String root = NotebookCells.jupyter(port, bobNotebook);
        page.navigate(root + "/tree/data/20250117-processed");
        assertThat(page.locator("#notebook_list")).containsText("alice-result.txt");
        Map<String, Object> read = NotebookCells.fetch(page, "GET",
                root + "/api/contents/data/20250117-processed/alice-result.txt", null);
        assertThat(((Number) read.get("status")).intValue()).isEqualTo(200);
        assertThat(read.get("text").toString()).contains(RESULT);
        // and nothing of EXP-1 itself: his instance has no such folder
        assertThat(((Number) NotebookCells.fetch(page, "GET", root + "/api/contents/data/EXP-1", null)
                .get("status")).intValue()).isEqualTo(404);
        page.context().close();
    }

    @Test
    @Order(3)
    void eveCannotLaunchWithEXP1NorReachItsFilesNorOpenItsLink() throws Exception {
        ApiClient eve = api("data-eve");
        ApiClient.Response launch = eve.post("/api/instances", Map.of("planId", Desktops.plan(jdbc, "notebook", "small"),
                "experimentIds", List.of("EXP-1"), "name", "Not mine"));
        assertThat(launch.status()).as(launch.raw()).isEqualTo(403);
        assertThat(launch.get("detail").asString()).contains("You are not on experiment EXP-1");

        Path exp1 = Path.of(folder("EXP-1"));
        Path exp2 = Path.of(folder("EXP-2"));
        String dots = "data/EXP-2/" + exp2.relativize(exp1.resolve("EXP-1.nxs"));
        Page page = browser.signedIn("data-eve");
        List<String> outputs = NotebookCells.run(page, port, eveNotebook, "tricks", List.of(
                probe("open('" + exp1.resolve("EXP-1.nxs") + "', 'rb').read(4)"),
                probe("open('" + dots + "', 'rb').read(4)"),
                probe("os.symlink('" + exp1 + "', 'exp1'); open('exp1/EXP-1.nxs', 'rb').read(4)"),
                probe("os.listdir('" + exp1 + "')"),
                probe("os.listdir('" + exp1.getParent() + "')"),
                probe("open('data/EXP-2/EXP-2.nxs', 'rb').read(4)")));
        assertThat(dots).contains("/../");
        assertThat(outputs.subList(0, 5)).allMatch(output -> output.equals("PermissionError"), "refused");
        assertThat(outputs.get(5)).as("her own data, for contrast").isEqualTo("ok");

        Response open = page.navigate(base() + "/open?pid=10.5291/VLS-1");
        assertThat(open.status()).isEqualTo(403);
        assertThat(page.locator("#error-message")).containsText("You are not on experiment EXP-1 (proposal 20250117)");
        Browser.screenshot(page, "data-04-open-refused");
        page.context().close();
    }

    /** A cell that runs the expression and prints ok, or the exception's class. */
    private static String probe(String expression) {
        return "import os\ntry:\n    " + expression + "\n    print('ok')\nexcept Exception as e:\n"
                + "    print(type(e).__name__)";
    }

    /** Where the demo store keeps an experiment's raw data, as the admin preview says. */
    private String folder(String experiment) throws Exception {
        long local = jdbc.queryForObject("select id from cloud_providers where name = 'local'", Long.class);
        ApiClient.Response preview = api("admin").get("/api/admin/data-stores/preview?experimentId=" + experiment
                + "&providerId=" + local);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        return preview.get("folders").get(0).get("path").asString();
    }

    private ApiClient api(String user) {
        return new ApiClient(base(), oidc, user);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
