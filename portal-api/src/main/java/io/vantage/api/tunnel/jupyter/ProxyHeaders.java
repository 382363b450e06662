package io.vantage.api.tunnel.jupyter;

import java.util.Locale;
import java.util.Set;

/** Which headers pass through the notebook proxy. */
final class ProxyHeaders {

    /** Hop-by-hop headers and those the JDK client sets itself or refuses. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect", "authorization", "http2-settings", "sec-websocket-key", "sec-websocket-version",
            "sec-websocket-extensions", "sec-websocket-accept",
            // uncompressed from the instance, so pages can be cleaned of the token (see TokenScrubber)
            "accept-encoding");

    private ProxyHeaders() {
    }

    static boolean forwardRequest(String name) {
        return !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean forwardResponse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(lower) && !lower.startsWith(":");
    }

    /** The portal's own session cookie never reaches the instance. */
    static String withoutPortalCookies(String cookieHeader, String portalCookie) {
        StringBuilder kept = new StringBuilder();
        for (String part : cookieHeader.split(";")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith(portalCookie + "=")) {
                kept.append(kept.length() == 0 ? "" : "; ").append(trimmed);
            }
        }
        return kept.toString();
    }
}
