package io.vantage.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.web.ApiClient;
import io.vantage.web.Desktops;
import io.vantage.web.PortalTest;

/**
 * A real Jupyter notebook (Debian's jupyter-notebook, started by the local provider) used in Chromium through the
 * portal's proxy: the page loads, a cell runs on the kernel over the proxied websocket, and the token never shows.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookProxyTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    String uid;
    String token;

    @BeforeAll
    void launchNotebook() throws Exception {
        ApiClient owner = new ApiClient("http://localhost:" + port, oidc,
                Desktops.scientist(jdbc, "notebook-owner", "EXP-2"));
        uid = Desktops.launchActive(owner, jdbc, "notebook", List.of("EXP-2"));
        token = jdbc.queryForObject("select access_secret from instances where uid = ?", String.class, uid);
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void ownerRunsACellThroughTheProxy() {
        Page page = browser.signedIn("notebook-owner");
        String base = "/instances/" + uid + "/jupyter";
        page.navigate(browser.base() + base + "/tree");
        page.waitForSelector("#notebook_list");
        String xsrf = page.context().cookies().stream().filter(c -> c.name.equals("_xsrf")).findFirst()
                .orElseThrow().value;
        APIResponse created = page.request().put(browser.base() + base + "/api/contents/proxy-test.ipynb",
                RequestOptions.create().setHeader("X-XSRFToken", xsrf).setHeader("Content-Type", "application/json")
                        .setData(Map.of("type", "notebook", "format", "json", "content", Map.of("cells", List.of(),
                                "metadata", Map.of(), "nbformat", 4, "nbformat_minor", 5))));
        assertThat(created.status()).isIn(200, 201);

        page.navigate(browser.base() + base + "/notebooks/proxy-test.ipynb");
        page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", new Page.WaitForSelectorOptions().setTimeout(60_000));
        page.locator(".CodeMirror").first().click();
        page.keyboard().type("print(6 * 7, 'answer')");
        page.keyboard().press("Shift+Enter");
        page.waitForSelector(".output_subarea:has-text('42 answer')");
        Browser.screenshot(page, "notebook-cell-ran");

        assertThat(page.content()).doesNotContain(token);
        assertThat(page.context().cookies().stream().map(c -> c.value)).doesNotContain(token);
        page.context().close();
    }

    @Test
    void aStrangerIsRefused() {
        Page page = browser.signedIn("1001");
        var response = page.navigate(browser.base() + "/instances/" + uid + "/jupyter/tree");
        assertThat(response.status()).isEqualTo(403);
        page.context().close();
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() throws Exception {
        var client = new io.vantage.web.HttpSession("http://localhost:" + port);
        var response = client.get("/instances/" + uid + "/jupyter/api/status");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(io.vantage.web.HttpSession.location(response)).contains("/oauth2/authorization/");
    }
}
