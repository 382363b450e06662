package io.vantage.api.tunnel.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The small decisions of the notebook proxy: origins, redirects, headers and cookies. */
class NotebookChecksTest {

    static final String OWN = "https://abc123.notebooks.example.org";

    @Test
    void changesMustComeFromTheNotebooksOwnOrigin() {
        assertThat(BrowserChecks.sameOrigin(request("POST", "Origin", OWN), OWN)).isTrue();
        assertThat(BrowserChecks.sameOrigin(request("POST", "Origin", "HTTPS://ABC123.notebooks.example.org"), OWN)).isTrue();
        assertThat(BrowserChecks.sameOrigin(request("POST", "Origin", "https://other.notebooks.example.org"), OWN)).isFalse();
        assertThat(BrowserChecks.sameOrigin(request("POST", "Origin", OWN + ".evil.net"), OWN)).isFalse();
        assertThat(BrowserChecks.sameOrigin(request("POST", "Origin", "null"), OWN)).isFalse();
        assertThat(BrowserChecks.sameOrigin(request("POST"), OWN)).isFalse();
        MockHttpServletRequest referred = request("POST", "Sec-Fetch-Site", "same-origin");
        referred.addHeader("Referer", OWN + "/instances/abc123/jupyter/tree");
        assertThat(BrowserChecks.sameOrigin(referred, OWN)).isTrue();
        MockHttpServletRequest lookalike = request("POST", "Sec-Fetch-Site", "same-origin");
        lookalike.addHeader("Referer", OWN + ".evil.net/");
        assertThat(BrowserChecks.sameOrigin(lookalike, OWN)).isFalse();
    }

    @Test
    void websocketsAndEverythingButGetAndHeadCountAsChanges() {
        assertThat(BrowserChecks.isSafe(request("GET"))).isTrue();
        assertThat(BrowserChecks.isSafe(request("HEAD"))).isTrue();
        assertThat(BrowserChecks.isSafe(request("OPTIONS"))).isFalse();
        assertThat(BrowserChecks.isSafe(request("GET", "Upgrade", "websocket"))).isFalse();
    }

    @Test
    void otherSitesMayNavigateToANotebookButNotReadIt() {
        MockHttpServletRequest image = request("GET", "Sec-Fetch-Site", "cross-site");
        image.addHeader("Sec-Fetch-Mode", "no-cors");
        image.addHeader("Sec-Fetch-Dest", "image");
        assertThat(BrowserChecks.crossSiteRead(image)).isTrue();
        MockHttpServletRequest frame = request("GET", "Sec-Fetch-Site", "cross-site");
        frame.addHeader("Sec-Fetch-Mode", "navigate");
        frame.addHeader("Sec-Fetch-Dest", "iframe");
        assertThat(BrowserChecks.crossSiteRead(frame)).isFalse();
        assertThat(BrowserChecks.crossSiteRead(request("GET", "Sec-Fetch-Site", "same-origin"))).isFalse();
        assertThat(BrowserChecks.crossSiteRead(request("GET"))).isFalse();
    }

    @Test
    void onlyNavigationsThatStartedHereGoThroughThePortalForATicket() {
        assertThat(BrowserChecks.mayEnterThroughThePortal(navigation("same-origin", "document"))).isTrue();
        assertThat(BrowserChecks.mayEnterThroughThePortal(navigation("none", "document"))).isTrue();
        assertThat(BrowserChecks.mayEnterThroughThePortal(navigation("cross-site", "document"))).as("came back").isFalse();
        assertThat(BrowserChecks.mayEnterThroughThePortal(navigation("same-origin", "script"))).isFalse();
        assertThat(BrowserChecks.mayEnterThroughThePortal(request("GET"))).isFalse();
    }

    @Test
    void theEntryRedirectsOnlyUnderTheNotebooksPrefix() {
        String prefix = "/instances/abc123/jupyter/";
        assertThat(NotebookEntry.next(prefix + "notebooks/a%20b.ipynb", "abc123")).isEqualTo(prefix + "notebooks/a%20b.ipynb");
        assertThat(NotebookEntry.next(prefix + "tree?x=1", "abc123")).isEqualTo(prefix + "tree?x=1");
        for (String next : new String[] {null, "", "//evil.net/", "https://evil.net" + prefix, "/instances/other/jupyter/",
                prefix + "../../../admin", prefix + "%2e%2e/x", prefix + "a\r\nSet-Cookie: x=y", prefix + "/\\evil.net",
                prefix + "x//evil.net", prefix.substring(0, prefix.length() - 1)}) {
            assertThat(NotebookEntry.next(next, "abc123")).as(String.valueOf(next)).isEqualTo(prefix + "tree");
        }
    }

    @Test
    void pathsThatHideWhereTheyGoAreSuspicious() {
        assertThat(BrowserChecks.suspicious("/instances/abc123/jupyter/tree")).isFalse();
        assertThat(BrowserChecks.suspicious("/instances/abc123/jupyter/notebooks/my.file.ipynb")).isFalse();
        for (String path : new String[] {"/instances/abc123/jupyter/../x", "/instances/abc123/jupyter/..",
                "/instances/abc123/jupyter/./x", "/instances/abc123/jupyter/%2E%2E/x", "/instances/abc123/jupyter%2fx",
                "/instances/abc123/jupyter;x=1/tree", "/instances/abc123/jupyter\\x"}) {
            assertThat(BrowserChecks.suspicious(path)).as(path).isTrue();
        }
    }

    @Test
    void jupytersAnswersKeepNoGrantsOrCookiesOfTheirOwn() {
        assertThat(ProxyHeaders.forwardResponse("Access-Control-Allow-Origin")).isFalse();
        assertThat(ProxyHeaders.forwardResponse("access-control-allow-credentials")).isFalse();
        assertThat(ProxyHeaders.forwardResponse("Content-Security-Policy")).isFalse();
        assertThat(ProxyHeaders.forwardResponse("X-Frame-Options")).isFalse();
        assertThat(ProxyHeaders.forwardResponse("Content-Type")).isTrue();
        assertThat(ProxyHeaders.safeResponseValue("Set-Cookie", "_xsrf=2|ab|cd|1; Path=/instances/abc123/jupyter/")).isTrue();
        assertThat(ProxyHeaders.safeResponseValue("Set-Cookie", "_xsrf=1; Domain=notebooks.example.org")).isFalse();
        assertThat(ProxyHeaders.safeResponseValue("Set-Cookie", "username-abc=\"2|x\"; HttpOnly")).isFalse();
        assertThat(ProxyHeaders.safeResponseValue("Set-Cookie", "__Host-vantage-notebook=forged; Path=/")).isFalse();
        assertThat(ProxyHeaders.forwardRequest("Origin")).isFalse();
        assertThat(ProxyHeaders.forwardRequest("X-Forwarded-Host")).isFalse();
        assertThat(ProxyHeaders.jupyterCookies("vantage-notebook=s; _xsrf=t; VANTAGE_SESSION=p; other=o")).isEqualTo("_xsrf=t");
        assertThat(ProxyHeaders.jupyterCookies("vantage-notebook=s")).isEmpty();
    }

    @Test
    void theCookieIsHostOnlyAndPartitionedWhereTheBrowserTakesTheOriginAsSecure() {
        assertThat(cookie(new NotebookCookie.Context(true, true))).startsWith("__Host-vantage-notebook=v")
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=None", "Partitioned").doesNotContain("Domain");
        assertThat(cookie(new NotebookCookie.Context(false, true))).startsWith("vantage-notebook=v")
                .contains("Secure", "SameSite=None", "Partitioned");
        assertThat(cookie(new NotebookCookie.Context(false, false))).startsWith("vantage-notebook=v")
                .contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure").doesNotContain("Partitioned");
    }

    private static String cookie(NotebookCookie.Context context) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        NotebookCookie.write(response, "v", context);
        return response.getHeader("Set-Cookie");
    }

    private static MockHttpServletRequest navigation(String site, String dest) {
        MockHttpServletRequest request = request("GET", "Sec-Fetch-Site", site);
        request.addHeader("Sec-Fetch-Mode", "navigate");
        request.addHeader("Sec-Fetch-Dest", dest);
        return request;
    }

    private static MockHttpServletRequest request(String method, String... header) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/instances/abc123/jupyter/api/contents");
        if (header.length == 2) {
            request.addHeader(header[0], header[1]);
        }
        return request;
    }
}
