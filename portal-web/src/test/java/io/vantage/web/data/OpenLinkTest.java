package io.vantage.web.data;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.browser.Browser;

/**
 * "Analyse in Vantage" links against a SciCat-shaped catalogue (WireMock answering {@code /api/v3/Datasets/{pid}}
 * as SciCat does, PID URL-encoded): a dataset of the person's experiment opens the wizard with it chosen, even
 * from a signed-out browser; unknown PIDs are 404, datasets of proposals or experiments not theirs 403, a catalogue
 * failing 503, each saying why, on the page and in the API; a launch with the dataset shows its folder.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenLinkTest {

    static final WireMockServer SCICAT = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @DynamicPropertySource
    static void scicat(DynamicPropertyRegistry registry) {
        if (!SCICAT.isRunning()) {
            SCICAT.start();
        }
        registry.add("vantage.data.scicat.base-url", () -> SCICAT.baseUrl() + "/api/v3");
        registry.add("vantage.data.scicat.token", () -> "scicat-reader-token");
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    String exp1;

    @BeforeAll
    void catalogue() throws Exception {
        Desktops.scientist(jdbc, "open-alice", "EXP-1");
        long local = jdbc.queryForObject("select id from cloud_providers where name = 'local'", Long.class);
        ApiClient.Response preview = api("admin").get("/api/admin/data-stores/preview?experimentId=EXP-1&providerId="
                + local);
        exp1 = preview.get("folders").get(0).get("path").asString();
        String root = jdbc.queryForObject("select root_path from data_stores where name = 'demo'", String.class);
        String exp5 = api("admin").get("/api/admin/data-stores/preview?experimentId=EXP-5&providerId=" + local)
                .get("folders").get(0).get("path").asString();
        dataset("20.500.12269/exp1-scan", exp1 + "/scan-1", "20250117", "D22");
        dataset("20.500.12269/exp5-run", exp5 + "/run-3", "20250117", "D22");
        dataset("20.500.12269/exp2-scan", "/data/IN5/2025/20250342/EXP-2/scan-9", "20250342", "IN5");
        dataset("20.500.12269/reduced-1", root + "/processed/20250117/reduced/run-1", "20250117", "D22");
        // anyone may register a dataset of their proposal in a catalogue, naming any folder: here the whole store
        dataset("20.500.12269/planted", root, "20250117", "D22");
        SCICAT.stubFor(get(urlPathMatching("/api/v3/Datasets/.*")).atPriority(10).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"statusCode":404,"name":"Error","message":"Unknown \\"Dataset\\" id"}}""")));
        SCICAT.stubFor(get(urlEqualTo("/api/v3/Datasets/20.500.12269%2Fbroken")).willReturn(aResponse().withStatus(500)));
        browser = new Browser(base());
    }

    @AfterAll
    void stop() {
        browser.close();
        SCICAT.stop();
    }

    @Test
    void aSignedOutBrowserLandsInTheWizardWithTheDatasetsExperimentChosen() {
        Page page = browser.newPage();
        page.navigate(base() + "/open?pid=20.500.12269/exp1-scan");
        page.locator("details summary").click();
        page.locator("details input[name=username]").fill("open-alice");
        page.locator("details button[type=submit]").click();
        page.waitForURL(url -> url.contains("/launch?"));
        assertThat(page.locator("#step-environment input[name=experiment]")).hasValue("EXP-1");
        assertThat(page.locator("#step-environment input[name=dataset]")).hasValue("20.500.12269/exp1-scan");
        assertThat(page.locator("#opening")).containsText("~/data/EXP-1/scan-1");
        Browser.screenshot(page, "open-01-wizard");
        SCICAT.verify(getRequestedFor(urlEqualTo("/api/v3/Datasets/20.500.12269%2Fexp1-scan"))
                .withHeader("Authorization", equalTo("Bearer scicat-reader-token")));
        page.context().close();
    }

    @Test
    void unknownForbiddenAndFailingLinksSayWhy() throws Exception {
        Page page = browser.signedIn("open-alice");
        Response unknown = page.navigate(base() + "/open?pid=20.500.12269/no-such-dataset");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(page.locator("#error-message")).containsText("knows no dataset 20.500.12269/no-such-dataset");
        Response otherProposal = page.navigate(base() + "/open?pid=20.500.12269/exp2-scan");
        assertThat(otherProposal.status()).isEqualTo(403);
        assertThat(page.locator("#error-message")).containsText("You are not on any experiment of proposal 20250342");
        Response otherExperiment = page.navigate(base() + "/open?pid=20.500.12269/exp5-run");
        assertThat(otherExperiment.status()).isEqualTo(403);
        assertThat(page.locator("#error-message")).containsText("in the data of experiment EXP-5, which you are not on");
        Response failing = page.navigate(base() + "/open?pid=20.500.12269/broken");
        assertThat(failing.status()).isEqualTo(503);
        assertThat(page.locator("#error-message")).containsText("HTTP 500");
        page.context().close();

        ApiClient alice = api("open-alice");
        assertThat(alice.get("/api/open?pid=20.500.12269%2Fno-such-dataset").status()).isEqualTo(404);
        ApiClient.Response refused = alice.get("/api/open?pid=20.500.12269%2Fexp2-scan");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("detail").asString()).contains("proposal 20250342");
        ApiClient.Response opened = alice.get("/api/open?pid=20.500.12269%2Fexp1-scan");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        assertThat(opened.get("experimentId").asString()).isEqualTo("EXP-1");
        assertThat(opened.get("folder").asString()).isEqualTo("~/data/EXP-1/scan-1");
    }

    @Test
    void aLaunchWithADatasetShowsItsFolderAndTheNextLinkOffersThatInstance() throws Exception {
        ApiClient alice = api("open-alice");
        ApiClient.Response launched = alice.post("/api/instances", Map.of("planId", Desktops.plan(jdbc, "notebook",
                "small"), "experimentIds", List.of("EXP-1"), "datasetPids", List.of("20.500.12269/reduced-1"),
                "name", "From the catalogue"));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String uid = launched.get("uid").asString();
        ApiClient.Response data = alice.get("/api/instances/" + uid + "/data");
        assertThat(data.raw()).contains("~/data/EXP-1", "~/data/20250117-processed").doesNotContain("dataset-");
        assertThat(alice.get("/api/open?pid=20.500.12269%2Freduced-1").get("folder").asString())
                .isEqualTo("~/data/20250117-processed/reduced/run-1");
        assertThat(alice.post("/api/instances", Map.of("planId", Desktops.plan(jdbc, "notebook", "small"),
                "experimentIds", List.of("EXP-1"), "datasetPids", List.of("20.500.12269/exp2-scan"),
                "name", "Not mine")).status()).isEqualTo(403);
        ApiClient.Response wrongExperiment = alice.post("/api/instances/validation", Map.of("planId",
                Desktops.plan(jdbc, "notebook", "small"), "experimentIds", List.of(), "datasetPids",
                List.of("20.500.12269/exp1-scan"), "name", "No experiment"));
        assertThat(wrongExperiment.status()).isEqualTo(400);
        assertThat(wrongExperiment.raw()).contains("datasetPids").contains("choose that experiment too");

        Page page = browser.signedIn("open-alice");
        page.navigate(base() + "/open?pid=20.500.12269/exp1-scan");
        assertThat(page.locator("#opening-running a[href$='/instances/" + uid + "']")).hasText("From the catalogue");
        Browser.screenshot(page, "open-02-running-offered");
        page.context().close();
        Desktops.awaitState(alice, uid, "ACTIVE");
        assertThat(alice.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }

    @Test
    void aDatasetNamingAFolderOutsideItsExperimentsDataMountsNothing() throws Exception {
        ApiClient alice = api("open-alice");
        ApiClient.Response opened = alice.get("/api/open?pid=20.500.12269%2Fplanted");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        assertThat(opened.get("folder").isNull()).isTrue();
        assertThat(opened.get("note").asString()).contains("outside the data of experiment EXP-1");

        ApiClient.Response launched = alice.post("/api/instances", Map.of("planId", Desktops.plan(jdbc, "notebook",
                "small"), "experimentIds", List.of("EXP-1"), "datasetPids", List.of("20.500.12269/planted"),
                "name", "Planted dataset"));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String uid = launched.get("uid").asString();
        assertThat(jdbc.queryForObject("select count(*) from instance_datasets d join instances i on i.id = "
                + "d.instance_id where i.uid = ?", Integer.class, uid)).isZero();
        Desktops.awaitState(alice, uid, "ACTIVE");
        Path data = Desktops.home(jdbc, uid).orElseThrow().getParent().resolve("data");
        try (Stream<Path> links = Files.list(data)) {
            assertThat(links.map(link -> link.getFileName().toString()))
                    .containsExactlyInAnyOrder("EXP-1", "20250117-processed");
        }
        assertThat(alice.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }

    private static void dataset(String pid, String folder, String proposal, String instrument) {
        String encoded = pid.replace("/", "%2F");
        SCICAT.stubFor(get(urlEqualTo("/api/v3/Datasets/" + encoded)).atPriority(1).willReturn(okJson("""
                {"pid": "%s", "datasetName": "%s", "sourceFolder": "%s", "proposalId": "%s", "ownerGroup": "%s",
                 "accessGroups": ["%s", "ill"], "instrumentId": "%s", "type": "raw", "isPublished": false}"""
                .formatted(pid, pid.substring(pid.indexOf('/') + 1), folder, proposal, proposal, instrument.toLowerCase(),
                        instrument))));
    }

    private ApiClient api(String user) {
        return new ApiClient(base(), oidc, user);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
