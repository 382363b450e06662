package io.vantage.web.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;

/** Enters a notebook's origin as a browser would (ticket from the API, then the entry URL) and keeps its cookie. */
final class NotebookEntries {

    private static final Pattern COOKIE = Pattern.compile("^(?:__Host-)?vantage-notebook=([^;]+)");

    private NotebookEntries() {
    }

    static String host(String uid, int port) {
        return uid + ".notebooks.localhost:" + port;
    }

    static String origin(String uid, int port) {
        return "http://" + host(uid, port);
    }

    static String jupyter(String uid) {
        return "/instances/" + uid + "/jupyter";
    }

    /** The {@code Cookie} header value a browser would send after entering. */
    static String enter(ApiClient who, String uid, int port) throws Exception {
        NotebookHttp.Response entered = NotebookHttp.get(port, host(uid, port),
                "/instances/" + uid + "/enter?ticket=" + Desktops.ticket(who, uid, "JUPYTER"), Map.of());
        assertThat(entered.status()).as(entered.body()).isEqualTo(303);
        return "vantage-notebook=" + cookieValue(entered);
    }

    static String cookieValue(NotebookHttp.Response response) {
        for (String header : response.headers("Set-Cookie")) {
            Matcher matcher = COOKIE.matcher(header);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No notebook cookie in " + response.headers());
    }

    /** A request as the notebook's own page sends it: with its cookie and its origin. */
    static NotebookHttp.Response fromNotebook(int port, String uid, String cookie, String method, String path,
                                              String body) throws IOException {
        return NotebookHttp.send(port, host(uid, port), method, path, Map.of("Cookie", cookie,
                "Origin", origin(uid, port), "Content-Type", "application/json"), body);
    }
}
