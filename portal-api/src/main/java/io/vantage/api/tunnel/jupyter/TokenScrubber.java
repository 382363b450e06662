package io.vantage.api.tunnel.jupyter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Removes the notebook token from pages before they reach the browser. The proxy authenticates every request
 * itself, so the page's scripts work without it.
 */
final class TokenScrubber {

    static final int MAX_PAGE = 8 * 1024 * 1024;

    private TokenScrubber() {
    }

    static byte[] scrub(byte[] page, String token) {
        if (token == null || token.isEmpty()) {
            return page;
        }
        String text = new String(page, StandardCharsets.UTF_8);
        String cleaned = text.replace(token, "").replace(URLEncoder.encode(token, StandardCharsets.UTF_8), "");
        return cleaned.equals(text) ? page : cleaned.getBytes(StandardCharsets.UTF_8);
    }
}
