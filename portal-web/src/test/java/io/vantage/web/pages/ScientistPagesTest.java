package io.vantage.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;

/** The scientist's pages over HTTP with a real session: what they show, who may see them, how forms answer. */
@PortalTest
class ScientistPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedOidcServer oidc;

    HttpSession signedIn(String user) throws Exception {
        HttpSession browser = new HttpSession("http://localhost:" + port);
        browser.loginThroughEmbeddedProvider(user, null);
        return browser;
    }

    @Test
    void dashboardShowsExperimentsByYearAndTheLaunchButton() throws Exception {
        HttpResponse<String> page = signedIn("1001").get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"launch-button\"").contains("D22 Small-angle scattering")
                .contains("data-experiment=\"EXP-1\"").contains("Demo login");
        HttpResponse<String> search = signedIn("1001").get("/fragments/experiments?q=cement");
        assertThat(search.body()).contains("EXP-3").doesNotContain("data-experiment=\"EXP-1\"");
    }

    @Test
    void wizardStepsCarryTheChoices() throws Exception {
        HttpSession browser = signedIn("1001");
        assertThat(browser.get("/launch").body()).contains("id=\"step-experiments\"").contains("value=\"EXP-1\"");
        long image = jdbc.queryForObject("select image_id from plans where id = ?", Long.class,
                Desktops.plan(jdbc, "desktop", "small"));
        String size = browser.get("/launch?step=size&experiment=EXP-1&image=" + image).body();
        assertThat(size).contains("id=\"quota-usage\"").contains("Reserved for some roles or instruments");
    }

    @Test
    void aLaunchFormWithBadFieldsComesBackWithTheMessagesNextToThem() throws Exception {
        HttpSession browser = signedIn("1001");
        String form = browser.get("/launch?step=details&experiment=EXP-1").body();
        HttpResponse<String> answer = browser.postForm("/launch", Map.of("_csrf", HttpSession.csrf(form),
                "experiment", "EXP-1", "plan", String.valueOf(Desktops.plan(jdbc, "desktop", "small")),
                "name", "", "screenWidth", "100", "screenHeight", "720", "keyboardLayout", "en-us-qwerty"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"name-error\"").contains("give the instance a name")
                .contains("Width: at least 640 pixels");
        assertThat(jdbc.queryForObject("select count(*) from instances where name = ''", Integer.class)).isZero();
    }

    @Test
    void instancePagesAreForMembersOnly() throws Exception {
        ApiClient owner = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "pages-owner", "EXP-1"));
        var launched = owner.post("/api/instances", Map.of("planId", Desktops.plan(jdbc, "desktop", "small"),
                "experimentIds", List.of("EXP-1"), "name", "Page test"));
        String uid = launched.get("uid").asText();
        HttpResponse<String> own = signedIn("pages-owner").get("/instances/" + uid);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Page test").contains("id=\"members-panel\"");
        assertThat(signedIn("1002").get("/instances/" + uid).statusCode()).isEqualTo(404);
        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }
}
