package io.vantage.web.notebook;

import static io.vantage.web.notebook.NotebookEntries.fromNotebook;
import static io.vantage.web.notebook.NotebookEntries.host;
import static io.vantage.web.notebook.NotebookEntries.jupyter;
import static io.vantage.web.notebook.NotebookEntries.origin;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.support.Tokens;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;

/**
 * A notebook's own origin, over plain HTTP against a real Jupyter: the notebook host serves that notebook and
 * nothing of the portal, is entered once per ticket with a host-only cookie, tames Jupyter's answers, and accepts
 * changes only from the notebook's own origin.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookOriginTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient owner;
    String uid;
    String cookie;

    @BeforeAll
    void launchNotebook() throws Exception {
        owner = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "origin-owner", "EXP-2"));
        uid = Desktops.launchActive(owner, jdbc, "notebook", List.of("EXP-2"));
        cookie = NotebookEntries.enter(owner, uid, port);
    }

    @Test
    void theNotebookHostAnswersNothingOfThePortal() throws Exception {
        ApiClient admin = new ApiClient("http://localhost:" + port, oidc, "admin");
        for (String path : List.of("/", "/api/admin/users", "/api/me", "/admin", "/login", "/error",
                "/oauth2/authorization/vantage", "/actuator/health", "/css/vantage.css", "/instances/" + uid,
                "/instances/" + uid + "/thumbnail.png", "/instances/" + uid + "/jupyterx",
                "/instances/" + uid + "/jupyter/../../../api/me", "/instances/otherinstance/jupyter/tree")) {
            NotebookHttp.Response response = NotebookHttp.get(port, host(uid, port), path, Map.of("Cookie", cookie,
                    "Authorization", "Bearer " + admin.token(), "X-Forwarded-Host", "localhost:" + port));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Vantage").doesNotContain("_csrf");
            assertThat(response.headers("Set-Cookie")).as(path).isEmpty();
        }
        // The portal's address with a forwarded notebook host is a notebook request too, never the portal.
        NotebookHttp.Response forwarded = NotebookHttp.get(port, "localhost:" + port, "/api/admin/users",
                Map.of("Authorization", "Bearer " + admin.token(), "X-Forwarded-Host", host(uid, port)));
        assertThat(forwarded.status()).isEqualTo(404);
    }

    @Test
    void aTicketEntersOnceWithAHostOnlyCookieStoredHashed() throws Exception {
        String next = jupyter(uid) + "/notebooks/analysis.ipynb";
        String ticket = Desktops.ticket(owner, uid, "JUPYTER");
        String entry = "/instances/" + uid + "/enter?ticket=" + ticket;
        NotebookHttp.Response entered = NotebookHttp.get(port, host(uid, port), entry + "&next=" + next, Map.of());
        assertThat(entered.status()).isEqualTo(303);
        assertThat(entered.header("Location")).contains(next);
        assertThat(entered.header("Referrer-Policy")).contains("no-referrer");
        String setCookie = entered.header("Set-Cookie").orElseThrow();
        // *.localhost: a site of its own to the browser, taken as secure, so None + Partitioned (see NotebookCookie)
        assertThat(setCookie).startsWith("vantage-notebook=").contains("Path=/").contains("HttpOnly")
                .contains("SameSite=None").contains("Secure").contains("Partitioned")
                .doesNotContainIgnoringCase("Domain=").doesNotContainIgnoringCase("Max-Age");
        String value = NotebookEntries.cookieValue(entered);
        assertThat(jdbc.queryForObject("select count(*) from notebook_sessions where token_hash = ?", Integer.class,
                Tokens.sha256(value))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notebook_sessions where token_hash = ?", Integer.class,
                value)).isZero();

        assertThat(NotebookHttp.get(port, host(uid, port), entry, Map.of()).status()).as("used twice").isEqualTo(403);
        String another = Desktops.ticket(owner, uid, "JUPYTER");
        assertThat(NotebookHttp.get(port, host("otherinstance", port), "/instances/otherinstance/enter?ticket="
                + another, Map.of()).status()).as("on another notebook's host").isEqualTo(403);
    }

    @Test
    void theEntryRedirectsOnlyIntoThisNotebook() throws Exception {
        for (String next : List.of("//evil.example/x", "https://evil.example/", "/instances/otherinstance/jupyter/tree",
                jupyter(uid) + "/../../../admin", jupyter(uid) + "/%2e%2e/%2e%2e/admin", jupyter(uid) + "/x%0d%0aSet-Cookie:a=b",
                jupyter(uid) + "//evil.example")) {
            NotebookHttp.Response entered = NotebookHttp.get(port, host(uid, port), "/instances/" + uid
                    + "/enter?ticket=" + Desktops.ticket(owner, uid, "JUPYTER") + "&next=" + next, Map.of());
            assertThat(entered.status()).as(next).isEqualTo(303);
            assertThat(entered.header("Location")).as(next).contains(jupyter(uid) + "/tree");
        }
    }

    @Test
    void overHttpsTheCookieIsSecureAndHostPrefixed() throws Exception {
        NotebookHttp.Response entered = NotebookHttp.get(port, host(uid, port), "/instances/" + uid
                + "/enter?ticket=" + Desktops.ticket(owner, uid, "JUPYTER"), Map.of("X-Forwarded-Proto", "https"));
        assertThat(entered.status()).isEqualTo(303);
        assertThat(entered.header("Set-Cookie")).get().asString().startsWith("__Host-vantage-notebook=")
                .contains("Secure").contains("Path=/").contains("Partitioned").doesNotContainIgnoringCase("Domain=");
    }

    @Test
    void jupytersAnswersArriveTamed() throws Exception {
        NotebookHttp.Response api = NotebookHttp.get(port, host(uid, port), jupyter(uid) + "/api/contents",
                Map.of("Cookie", cookie, "Origin", "http://evil.example"));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
        assertThat(api.header("Content-Security-Policy")).contains("frame-ancestors http://localhost:" + port);
        assertThat(api.header("Cross-Origin-Resource-Policy")).contains("same-origin");

        NotebookHttp.Response page = NotebookHttp.get(port, host(uid, port), jupyter(uid) + "/tree", Map.of("Cookie", cookie));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("notebook_list");
        assertThat(page.headers("Content-Security-Policy")).containsExactly("frame-ancestors http://localhost:" + port);
        String token = jdbc.queryForObject("select access_secret from instances where uid = ?", String.class, uid);
        assertThat(page.body()).doesNotContain(token);
        assertThat(page.headers("Set-Cookie")).allMatch(header -> header.startsWith("_xsrf="));

        NotebookHttp.Response embedded = NotebookHttp.get(port, host(uid, port), jupyter(uid) + "/api/contents",
                Map.of("Cookie", cookie, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "image"));
        assertThat(embedded.status()).as("read by another site's page").isEqualTo(403);
    }

    @Test
    void changesComeFromTheNotebooksOwnOriginOnly() throws Exception {
        String file = jupyter(uid) + "/api/contents/origin-probe-%s.txt";
        String body = "{\"type\":\"file\",\"format\":\"text\",\"content\":\"x\"}";
        Map<String, Map<String, String>> refused = Map.of(
                "no origin", Map.of("Cookie", cookie),
                "another site", Map.of("Cookie", cookie, "Origin", "http://evil.example"),
                "the portal", Map.of("Cookie", cookie, "Origin", "http://localhost:" + port),
                "another notebook", Map.of("Cookie", cookie, "Origin", origin("otherinstance", port)),
                "opaque origin", Map.of("Cookie", cookie, "Origin", "null"),
                "same-site referer", Map.of("Cookie", cookie, "Sec-Fetch-Site", "same-site",
                        "Referer", origin(uid, port) + "/x"));
        for (var attempt : refused.entrySet()) {
            String name = attempt.getKey().replace(' ', '-');
            NotebookHttp.Response response = NotebookHttp.send(port, host(uid, port), "PUT", file.formatted(name),
                    attempt.getValue(), body);
            assertThat(response.status()).as(attempt.getKey()).isEqualTo(403);
            assertThat(fromNotebook(port, uid, cookie, "GET", file.formatted(name), null).status())
                    .as(attempt.getKey()).isEqualTo(404);
        }
        assertThat(fromNotebook(port, uid, cookie, "PUT", file.formatted("own"), body).status()).isEqualTo(201);
        assertThat(NotebookHttp.send(port, host(uid, port), "PUT", file.formatted("referer"), Map.of("Cookie", cookie,
                "Sec-Fetch-Site", "same-origin", "Referer", origin(uid, port) + jupyter(uid) + "/tree"), body).status())
                .isEqualTo(201);
    }

    @Test
    void withoutAValidCookieNothingPasses() throws Exception {
        for (String tried : List.of("", "vantage-notebook=forged", "VANTAGE_SESSION=whatever")) {
            NotebookHttp.Response response = NotebookHttp.get(port, host(uid, port), jupyter(uid) + "/api/contents",
                    tried.isEmpty() ? Map.of() : Map.of("Cookie", tried));
            assertThat(response.status()).as(tried).isEqualTo(403);
            assertThat(response.body()).contains("Open this notebook from its page");
        }
        // The portal itself proxies no notebook any more, even for its signed-in owner.
        HttpSession signedIn = new HttpSession("http://localhost:" + port);
        signedIn.loginThroughEmbeddedProvider("origin-owner", null);
        assertThat(signedIn.get("/api/me").body()).contains("origin-owner");
        assertThat(signedIn.get(jupyter(uid) + "/api/contents").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherSitesLinkToTheNotebookEntryNeitherEntersNorLeaksATicket() throws Exception {
        HttpSession signedIn = new HttpSession("http://localhost:" + port);
        signedIn.loginThroughEmbeddedProvider("origin-owner", null);
        String path = "/instances/" + uid + "/notebook?next=" + jupyter(uid) + "/tree";
        int before = tickets();

        Map<String, Map<String, String>> asked = Map.of(
                "a link on another site", navigation("cross-site", "http://evil.example/page"),
                "another notebook's page", navigation("same-site", origin("otherinstance", port) + "/"),
                "no referrer", navigation("cross-site", null),
                "a browser without fetch metadata", Map.of("Referer", "http://evil.example/"));
        for (var attempt : asked.entrySet()) {
            HttpResponse<String> answer = get(signedIn, path, attempt.getValue());
            assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Location")).as(attempt.getKey()).isEmpty();
            assertThat(answer.body()).as(attempt.getKey()).contains("Open this notebook?")
                    .contains("id=\"notebook-enter\"").doesNotContain("ticket=");
        }
        Map<String, Map<String, String>> refused = Map.of(
                "a fetch", Map.of("Sec-Fetch-Site", "same-site", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty"),
                "an image", Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest",
                        "image"));
        for (var attempt : refused.entrySet()) {
            HttpResponse<String> answer = get(signedIn, path, attempt.getValue());
            assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Location")).as(attempt.getKey()).isEmpty();
        }
        assertThat(tickets()).as("no ticket issued for any of them").isEqualTo(before);

        // The notebook's own page (its host redirected here) and the person's own address bar enter at once.
        for (Map<String, String> own : List.of(navigation("cross-site", origin(uid, port) + "/"),
                navigation("none", null))) {
            HttpResponse<String> answer = get(signedIn, path, own);
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(HttpSession.location(answer)).startsWith(origin(uid, port) + "/instances/" + uid
                    + "/enter?ticket=");
            assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
        assertThat(tickets()).isEqualTo(before + 2);
    }

    private static Map<String, String> navigation(String site, String referer) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Sec-Fetch-Site", site, "Sec-Fetch-Mode",
                "navigate", "Sec-Fetch-Dest", "document"));
        if (referer != null) {
            headers.put("Referer", referer);
        }
        return headers;
    }

    private HttpResponse<String> get(HttpSession session, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        return session.send(request.build());
    }

    private int tickets() {
        return jdbc.queryForObject("select count(*) from connection_tickets t join instances i on i.id = t.instance_id"
                + " where i.uid = ? and t.protocol = 'JUPYTER'", Integer.class, uid);
    }

    @Test
    void thePortalRefusesChangesANotebookPageSends() throws Exception {
        NotebookHttp.Response fromNotebook = NotebookHttp.send(port, "localhost:" + port, "POST",
                "/api/instances/" + uid + "/tickets", Map.of("Authorization", "Bearer " + owner.token(),
                        "Origin", origin(uid, port), "Content-Type", "application/json"), "{\"protocol\":\"JUPYTER\"}");
        assertThat(fromNotebook.status()).isEqualTo(403);
        NotebookHttp.Response fromScript = NotebookHttp.send(port, "localhost:" + port, "POST",
                "/api/instances/" + uid + "/tickets", Map.of("Authorization", "Bearer " + owner.token(),
                        "Content-Type", "application/json"), "{\"protocol\":\"JUPYTER\"}");
        assertThat(fromScript.status()).isEqualTo(200);
        assertThat(fromScript.body()).contains(origin(uid, port) + "/instances/" + uid + "/enter");
    }

    @Test
    void portalAnswersCarryAStrictPolicy() throws Exception {
        for (NotebookHttp.Response response : List.of(
                NotebookHttp.get(port, "localhost:" + port, "/", Map.of()),
                NotebookHttp.get(port, "localhost:" + port, "/api/me", Map.of("Authorization", "Bearer " + owner.token())))) {
            String policy = response.header("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self';").contains("frame-ancestors 'self'")
                    .contains("connect-src 'self' ws://localhost:" + port + ";")
                    .contains("frame-src 'self' http://*.notebooks.localhost:" + port + ";")
                    .doesNotContain("ws: ").doesNotContain("wss:").doesNotContain("unsafe-eval");
            assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
                    .doesNotContain("unsafe-inline");
        }
    }

    @Test
    void thePortalSessionCookieIsSecureBehindHttpsAndHostOnly() throws Exception {
        NotebookHttp.Response plain = NotebookHttp.get(port, "localhost:" + port, "/", Map.of());
        NotebookHttp.Response proxied = NotebookHttp.get(port, "localhost:" + port, "/", Map.of(
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "vantage.example.org"));
        String plainCookie = plain.headers("Set-Cookie").stream().filter(c -> c.startsWith("VANTAGE_SESSION="))
                .findFirst().orElseThrow();
        String proxiedCookie = proxied.headers("Set-Cookie").stream().filter(c -> c.startsWith("VANTAGE_SESSION="))
                .findFirst().orElseThrow();
        assertThat(plainCookie).doesNotContain("Secure").doesNotContainIgnoringCase("Domain=").contains("HttpOnly");
        assertThat(proxiedCookie).contains("Secure").doesNotContainIgnoringCase("Domain=").contains("HttpOnly");
        assertThat(proxied.header("Location")).get().asString().startsWith("https://vantage.example.org/");
    }
}
