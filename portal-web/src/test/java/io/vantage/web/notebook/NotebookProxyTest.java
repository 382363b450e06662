package io.vantage.web.notebook;

import static io.vantage.web.notebook.NotebookEntries.jupyter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.browser.Browser;

/**
 * A real Jupyter notebook (Debian's jupyter-notebook, started by the local provider) used in Chromium from the
 * instance page: it runs in a frame on its own origin, entered with a ticket; a cell runs on the kernel over the
 * proxied websocket; the token never shows; guests only look; strangers get nothing.
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
    String origin;
    String token;

    @BeforeAll
    void launchNotebook() throws Exception {
        ApiClient owner = new ApiClient("http://localhost:" + port, oidc,
                Desktops.scientist(jdbc, "notebook-owner", "EXP-2"));
        uid = Desktops.launchActive(owner, jdbc, "notebook", List.of("EXP-2"));
        origin = NotebookEntries.origin(uid, port);
        token = jdbc.queryForObject("select access_secret from instances where uid = ?", String.class, uid);
        Desktops.scientist(jdbc, "notebook-guest", "EXP-2");
        assertThat(owner.post("/api/instances/" + uid + "/members", Map.of("userId", "notebook-guest", "role", "GUEST"))
                .status()).isEqualTo(201);
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theOwnerRunsACellInTheNotebooksOwnOrigin() {
        Page page = browser.signedIn("notebook-owner");
        List<String> sentCookies = new CopyOnWriteArrayList<>();
        page.onRequestFinished(request -> {
            String cookie = request.headerValue("cookie"); // none on answers from the browser's cache
            if (request.url().startsWith(origin + jupyter(uid)) && cookie != null) {
                sentCookies.add(cookie);
            }
        });
        Frame frame = NotebookPages.openFromInstancePage(page, browser.base(), uid, origin);
        assertThat(frame.url()).startsWith(origin + jupyter(uid) + "/tree");
        assertThat(NotebookPages.fetch(frame, "PUT", jupyter(uid) + "/api/contents/proxy-test.ipynb",
                NotebookPages.emptyNotebook())).isIn(200, 201);

        frame.navigate(origin + jupyter(uid) + "/notebooks/proxy-test.ipynb");
        frame.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", new Frame.WaitForSelectorOptions().setTimeout(60_000));
        frame.locator(".CodeMirror").first().click();
        page.keyboard().type("print(6 * 7, 'answer')");
        page.keyboard().press("Shift+Enter");
        frame.waitForSelector(".output_subarea:has-text('42 answer')");
        Browser.screenshot(page, "notebook-cell-ran");

        assertThat(frame.content()).doesNotContain(token);
        assertThat(page.context().cookies().stream().map(c -> c.value)).doesNotContain(token);
        // What the browser really sent to the notebook's origin: its own cookie, never the portal's.
        assertThat(sentCookies).isNotEmpty().allMatch(cookie -> cookie.contains("vantage-notebook="))
                .noneMatch(cookie -> cookie.contains("VANTAGE_SESSION"));
        Cookie entered = page.context().cookies(origin).stream().filter(c -> c.name.equals("vantage-notebook"))
                .findFirst().orElseThrow();
        assertThat(entered.domain).isEqualTo(uid + ".notebooks.localhost");
        assertThat(entered.httpOnly).isTrue();
        assertThat(entered.secure).isTrue();
        assertThat(entered.sameSite).isEqualTo(SameSiteAttribute.NONE); // partitioned: see NotebookCookie
        page.context().close();
    }

    @Test
    void aNewTabOpensTheNotebookCutOffFromThePortal() {
        Page page = browser.signedIn("notebook-owner");
        NotebookPages.openFromInstancePage(page, browser.base(), uid, origin);
        Page tab = page.waitForPopup(() -> page.locator("#notebook-new-tab").click());
        tab.waitForSelector("#notebook_list");
        assertThat(tab.url()).startsWith(origin + jupyter(uid) + "/tree");
        assertThat(tab.evaluate("() => window.opener === null")).isEqualTo(true);
        page.context().close();
    }

    @Test
    void aLinkOnAnotherPageAsksBeforeEnteringTheNotebook() {
        Page signedIn = browser.signedIn("notebook-owner");
        // A page of no site of the portal's (a fresh tab's own document), with a link into the notebook entry.
        Page page = signedIn.context().newPage();
        List<String> entries = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().startsWith(origin + "/instances/" + uid + "/enter")) {
                entries.add(request.url());
            }
        });
        page.setContent("<a id='lure' href='" + browser.base() + "/instances/" + uid + "/notebook'>a notebook</a>");
        page.locator("#lure").click();
        PlaywrightAssertions.assertThat(page.locator("#notebook-name")).isVisible();
        assertThat(page.url()).startsWith(browser.base() + "/instances/" + uid + "/notebook");
        assertThat(entries).as("nothing entered before the person chose to").isEmpty();
        Browser.screenshot(page, "notebook-entry-asks");

        page.locator("#notebook-enter").click();
        page.waitForSelector("#notebook_list");
        assertThat(page.url()).startsWith(origin + jupyter(uid) + "/tree");
        assertThat(entries).hasSize(1);
        signedIn.context().close();
    }

    @Test
    void aGuestLooksButChangesNothing() {
        Page page = browser.signedIn("notebook-guest");
        Frame frame = NotebookPages.openFromInstancePage(page, browser.base(), uid, origin);
        PlaywrightAssertions.assertThat(page.locator("#notebook-readonly")).isVisible();
        assertThat(NotebookPages.fetch(frame, "GET", jupyter(uid) + "/api/contents", null)).isEqualTo(200);
        assertThat(NotebookPages.fetch(frame, "PUT", jupyter(uid) + "/api/contents/guest.ipynb",
                NotebookPages.emptyNotebook())).isEqualTo(403);
        assertThat(NotebookPages.fetch(frame, "POST", jupyter(uid) + "/api/kernels", "{}")).isEqualTo(403);
        assertThat(NotebookPages.fetch(frame, "GET", jupyter(uid) + "/api/contents/guest.ipynb", null)).isEqualTo(404);
        page.context().close();
    }

    @Test
    void aStrangerGetsNeitherTheInstanceNorItsNotebook() {
        Page page = browser.signedIn("1001");
        assertThat(page.navigate(browser.base() + "/instances/" + uid).status()).isEqualTo(404);
        // Opened directly, the notebook sends the stranger to the portal for a ticket, which refuses them.
        assertThat(page.navigate(origin + jupyter(uid) + "/tree").status()).isEqualTo(404);
        assertThat(page.url()).startsWith(browser.base() + "/instances/" + uid + "/notebook");
        page.context().close();
    }

    @Test
    void anonymousVisitorsGetNoNotebook() throws Exception {
        NotebookHttp.Response response = NotebookHttp.get(port, NotebookEntries.host(uid, port),
                jupyter(uid) + "/api/status", Map.of());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Location")).isEmpty();
    }
}
