package io.vantage.api.tunnel.jupyter;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks on where a browser request comes from. The proxy authenticates to Jupyter with its token, which turns
 * Jupyter's own XSRF check off, so the same protection is applied here: anything that changes state (and every
 * websocket) must come from the notebook's own origin.
 */
final class BrowserChecks {

    private BrowserChecks() {
    }

    static boolean isWebSocket(HttpServletRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    /** GET and HEAD change nothing; everything else, and websocket upgrades, must pass {@link #sameOrigin}. */
    static boolean isSafe(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && !isWebSocket(request);
    }

    /**
     * {@code Origin} is the notebook's own; without one (some browsers on same-origin requests), a same-origin
     * fetch with a Referer on the notebook's origin.
     */
    static boolean sameOrigin(HttpServletRequest request, String own) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return origin.strip().toLowerCase(Locale.ROOT).equals(own);
        }
        String referer = request.getHeader("Referer");
        return "same-origin".equals(request.getHeader("Sec-Fetch-Site")) && referer != null
                && referer.toLowerCase(Locale.ROOT).startsWith(own + "/");
    }

    /**
     * A read another site's page makes into this notebook (an image, a script, a no-cors fetch), told by the
     * browser's fetch metadata. Navigations (the portal's frame, a new tab) are fine: they read nothing for the
     * other page, and only the portal may frame a notebook.
     */
    static boolean crossSiteRead(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site == null || "same-origin".equals(site) || "none".equals(site)) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        String dest = request.getHeader("Sec-Fetch-Dest");
        boolean navigation = "navigate".equals(mode)
                && ("document".equals(dest) || "iframe".equals(dest) || "frame".equals(dest));
        return !navigation;
    }

    /**
     * A page navigation that started on this notebook (a link Jupyter opens in a new tab) or in the address bar:
     * it may go through the portal for a ticket. One that already came through another site (the portal) may
     * not, so a browser that keeps no cookie for the notebook gets a refusal rather than a redirect loop.
     */
    static boolean mayEnterThroughThePortal(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        String dest = request.getHeader("Sec-Fetch-Dest");
        return "GET".equals(request.getMethod()) && "navigate".equals(request.getHeader("Sec-Fetch-Mode"))
                && ("document".equals(dest) || "iframe".equals(dest))
                && ("same-origin".equals(site) || "none".equals(site));
    }

    /** Paths that try to leave the notebook's prefix, or hide that they do. */
    static boolean suspicious(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.contains("/../") || lower.endsWith("/..") || lower.contains("/./") || lower.contains("%2e")
                || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\") || lower.contains(";");
    }
}
