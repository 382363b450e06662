package io.vantage.web.notebook;

import static io.vantage.web.notebook.NotebookEntries.jupyter;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.browser.Browser;

/**
 * The attacks of a hostile notebook, in Chromium against real Jupyter servers: a trusted notebook whose output
 * runs a script, opened by an admin from the instance page, lends the script nothing of the admin's portal
 * identity; pages of other sites and other notebooks cannot change a notebook either.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookAttackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    HttpServer otherSite;
    String hostile;
    String victims;

    @BeforeAll
    void prepare() throws Exception {
        String base = "http://localhost:" + port;
        ApiClient attacker = new ApiClient(base, oidc, Desktops.scientist(jdbc, "nb-attacker", "EXP-2"));
        ApiClient victim = new ApiClient(base, oidc, Desktops.scientist(jdbc, "nb-victim", "EXP-2"));
        hostile = Desktops.launchActive(attacker, jdbc, "notebook", List.of("EXP-2"));
        victims = Desktops.launchActive(victim, jdbc, "notebook", List.of("EXP-2"));
        assertThat(attacker.post("/api/instances/" + hostile + "/members", Map.of("userId", "nb-victim", "role", "USER"))
                .status()).isEqualTo(201);
        writeHostileNotebook(attacker);
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page = resource("notebook/cross-site.html").replace("TARGET",
                NotebookEntries.origin(victims, port) + jupyter(victims));
        otherSite.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        otherSite.start();
        browser = new Browser(base);
    }

    @AfterAll
    void close() {
        if (otherSite != null) {
            otherSite.stop(0);
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aHostileNotebookOpenedByAnAdminCanNeitherReadNorChangeThePortal() throws Exception {
        Page page = browser.signedIn("admin");
        List<String> portalAnswers = new CopyOnWriteArrayList<>();
        page.context().onResponse(response -> {
            if (response.url().startsWith(browser.base() + "/api/")) {
                portalAnswers.add(response.request().method() + " " + response.url() + " " + response.status());
            }
        });
        Frame files = NotebookPages.openFromInstancePage(page, browser.base(), hostile,
                NotebookEntries.origin(hostile, port));
        Page notebook = page.waitForPopup(() -> files.locator("a.item_link:has-text('attack.ipynb')").click());
        notebook.waitForSelector("body[data-attack]", new Page.WaitForSelectorOptions().setTimeout(60_000)
                .setState(WaitForSelectorState.ATTACHED));
        Browser.screenshot(notebook, "notebook-attack-ran");

        assertThat(notebook.url()).startsWith(NotebookEntries.origin(hostile, port) + jupyter(hostile) + "/notebooks/");
        assertThat(notebook.locator("#attack-marker").textContent()).isEqualTo("the attack ran here");
        JsonNode tried = JSON.readTree((String) notebook.evaluate("() => document.body.dataset.attack"));
        assertThat(tried.get("ran").asBoolean()).isTrue();
        assertThat(tried.get("portalPage").asText()).startsWith("blocked");
        assertThat(tried.get("csrf")).isNull();
        assertThat(tried.get("me").asText()).startsWith("blocked");
        assertThat(tried.get("portalWindow").asText()).doesNotContain("Vantage");
        assertThat(tried.get("roleJson").asText()).startsWith("blocked");
        assertThat(tried.get("removeMember").asText()).startsWith("blocked");
        // The one request a page may send anywhere arrived, and the portal refused it.
        assertThat(portalAnswers).contains("POST " + browser.base() + "/api/admin/users/nb-attacker/roles 403")
                .noneMatch(answer -> answer.contains("/roles") && !answer.endsWith(" 403"))
                .noneMatch(answer -> answer.contains("/members/"));

        assertThat(jdbc.queryForObject("""
                select count(*) from user_roles ur join roles r on r.id = ur.role_id
                where ur.user_id = 'nb-attacker' and r.name = 'ADMIN'""", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from instance_members m join instances i on i.id = m.instance_id
                where i.uid = ? and m.user_id = 'nb-victim'""", Integer.class, hostile)).isEqualTo(1);
        page.context().close();
    }

    @Test
    void aPageOfAnotherSiteCannotChangeANotebook() {
        Page page = browser.signedIn("nb-victim");
        Frame own = NotebookPages.openFromInstancePage(page, browser.base(), victims, NotebookEntries.origin(victims, port));
        String before = listing(own);
        page.navigate("http://localhost:" + otherSite.getAddress().getPort() + "/");
        Attempts attempts = new Attempts(page, NotebookEntries.origin(victims, port));
        page.locator("#go").click();
        // the form post, the no-cors fetch and the image, all sent with the notebook's cookie, all refused
        attempts.awaitSettled(3);
        assertThat(attempts.sent()).contains("POST", "GET");
        assertThat(attempts.statuses()).isNotEmpty().containsOnly(403);

        own = NotebookPages.openFromInstancePage(page, browser.base(), victims, NotebookEntries.origin(victims, port));
        assertThat(listing(own)).isEqualTo(before);
        page.context().close();
    }

    @Test
    void anotherNotebooksPageCannotChangeOrReadANotebook() {
        Page page = browser.signedIn("nb-victim");
        Frame own = NotebookPages.openFromInstancePage(page, browser.base(), victims, NotebookEntries.origin(victims, port));
        String before = listing(own);
        Frame other = NotebookPages.openFromInstancePage(page, browser.base(), hostile, NotebookEntries.origin(hostile, port));
        Attempts attempts = new Attempts(page, NotebookEntries.origin(victims, port));
        String target = NotebookEntries.origin(victims, port) + jupyter(victims) + "/api/contents";
        Object read = other.evaluate("""
                async (target) => {
                  const form = document.createElement('form');
                  form.method = 'POST';
                  form.action = target;
                  form.target = 'sink';
                  const sink = document.createElement('iframe');
                  sink.name = 'sink';
                  document.body.append(sink, form);
                  form.submit();
                  try {
                    await fetch(target, { method: 'POST', mode: 'no-cors', credentials: 'include',
                      headers: { 'Content-Type': 'text/plain' }, body: '{"type":"directory"}' });
                  } catch (error) {
                    // an opaque answer the browser withholds (Cross-Origin-Resource-Policy)
                  }
                  try {
                    return await (await fetch(target, { credentials: 'include' })).text();
                  } catch (error) {
                    return 'blocked: ' + error.name;
                  }
                }""", target);
        assertThat(String.valueOf(read)).startsWith("blocked");
        attempts.awaitSettled(3);
        assertThat(attempts.sent()).containsExactlyInAnyOrder("POST", "POST", "GET");
        assertThat(attempts.statuses()).isNotEmpty().containsOnly(403);

        own = NotebookPages.openFromInstancePage(page, browser.base(), victims, NotebookEntries.origin(victims, port));
        assertThat(listing(own)).isEqualTo(before);
        page.context().close();
    }

    /** Requests a page sends to a notebook's origin, and the answers the browser lets Playwright see. */
    private static final class Attempts {

        private final List<String> sent = new CopyOnWriteArrayList<>();
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final List<Request> settled = new CopyOnWriteArrayList<>();
        private final Page page;

        Attempts(Page page, String origin) {
            page.onRequest(request -> {
                if (request.url().startsWith(origin)) {
                    sent.add(request.method());
                }
            });
            page.onResponse(response -> {
                if (response.url().startsWith(origin)) {
                    statuses.add(response.status());
                }
            });
            page.onRequestFinished(request -> {
                if (request.url().startsWith(origin)) {
                    settled.add(request);
                }
            });
            page.onRequestFailed(request -> {
                if (request.url().startsWith(origin)) {
                    settled.add(request);
                }
            });
            this.page = page;
        }

        void awaitSettled(int count) {
            page.waitForCondition(() -> settled.size() >= count);
        }

        List<String> sent() {
            return sent;
        }

        List<Integer> statuses() {
            return statuses;
        }
    }

    /** Names in the notebook's top folder, read by its own page. */
    private String listing(Frame frame) {
        return String.valueOf(frame.evaluate("async (path) => (await (await fetch(path)).json()).content"
                + ".map(item => item.name).sort().join(',')", jupyter(frame.url().split("/")[4]) + "/api/contents"));
    }

    /** A notebook its owner saved with a trusted cell whose output is a script (Jupyter signs it on save). */
    private void writeHostileNotebook(ApiClient attacker) throws Exception {
        String script = resource("notebook/attack.js").replace("PORTAL", "http://localhost:" + port)
                .replace("ATTACKER", "nb-attacker").replace("UID", hostile).replace("MEMBER", "nb-victim");
        Map<String, Object> output = Map.of("output_type", "display_data", "metadata", Map.of(),
                "data", Map.of("text/html", "<div id=\"attack-marker\">waiting</div><script>" + script + "</script>"));
        Map<String, Object> cell = Map.of("cell_type", "code", "execution_count", 1, "source", "# results",
                "metadata", Map.of("trusted", true), "outputs", List.of(output));
        // nbformat 4.4: no cell ids, which a reader would add, and so change what Jupyter signed
        Map<String, Object> notebook = Map.of("cells", List.of(cell), "metadata", Map.of(), "nbformat", 4,
                "nbformat_minor", 4);
        String cookie = NotebookEntries.enter(attacker, hostile, port);
        var saved = NotebookEntries.fromNotebook(port, hostile, cookie, "PUT",
                jupyter(hostile) + "/api/contents/attack.ipynb",
                JSON.writeValueAsString(Map.of("type", "notebook", "format", "json", "content", notebook)));
        assertThat(saved.status()).as(saved.body()).isIn(200, 201);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NotebookAttackTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
