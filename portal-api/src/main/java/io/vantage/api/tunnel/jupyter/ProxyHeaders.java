package io.vantage.api.tunnel.jupyter;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers pass through the notebook proxy. The instance's answers are shaped by whoever runs code on it,
 * so its cross-origin grants, framing rules and cookies (other than Jupyter's own XSRF cookie, for this host
 * only) never reach the browser; the browser's cookies never reach the instance, except that XSRF cookie.
 */
final class ProxyHeaders {

    /** Hop-by-hop headers and those the JDK client sets itself or refuses. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect", "authorization", "http2-settings", "sec-websocket-key", "sec-websocket-version",
            "sec-websocket-extensions", "sec-websocket-accept",
            // uncompressed from the instance, so pages can be cleaned of the token (see TokenScrubber)
            "accept-encoding");

    /** Requests: the proxy checked the origin itself, and sets the forwarding headers itself. */
    private static final Set<String> NOT_REQUESTED = Set.of("origin", "forwarded", "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip");

    /** Answers: the notebook host's own policy replaces these. */
    private static final Set<String> NOT_ANSWERED = Set.of("content-security-policy",
            "content-security-policy-report-only", "x-frame-options", "cross-origin-resource-policy",
            "x-content-type-options", "set-cookie2");

    static final String JUPYTER_XSRF = "_xsrf";

    private ProxyHeaders() {
    }

    static boolean forwardRequest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(lower) && !NOT_REQUESTED.contains(lower);
    }

    static boolean forwardResponse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(lower) && !lower.startsWith(":") && !NOT_ANSWERED.contains(lower)
                && !lower.startsWith("access-control-");
    }

    /** Set-Cookie passes only for Jupyter's XSRF cookie and only for this host (no Domain attribute). */
    static boolean safeResponseValue(String name, String value) {
        if (!"set-cookie".equalsIgnoreCase(name)) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return value.startsWith(JUPYTER_XSRF + "=") && !lower.contains("domain=");
    }

    /** Only Jupyter's own XSRF cookie reaches the instance: never the notebook session, never anything else. */
    static String jupyterCookies(String cookieHeader) {
        StringBuilder kept = new StringBuilder();
        for (String part : cookieHeader.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(JUPYTER_XSRF + "=")) {
                kept.append(kept.length() == 0 ? "" : "; ").append(trimmed);
            }
        }
        return kept.toString();
    }
}
