package io.vantage.api.tunnel.jupyter;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that carries a notebook session: for the notebook's own host only (no Domain), HttpOnly, Path=/,
 * over HTTPS with the {@code __Host-} prefix so no other host of the site (another notebook among them) can set
 * or overwrite it. It is a browser-session cookie; the server ends it earlier (idle, max age).
 * <p>
 * SameSite: the portal's page frames the notebook, and browsers count the portal and the notebook as different
 * sites whenever they do not share a registrable domain — always so under {@code localhost}, where every host is
 * a site of its own. A Lax cookie would then be neither set nor sent in the frame. So wherever the browser takes
 * the origin as secure (HTTPS, or {@code *.localhost}) the cookie is {@code SameSite=None; Secure; Partitioned}:
 * kept in the partition of the top-level site it was set under (the portal's, or the notebook's own in a tab of
 * its own), so other sites' pages never get it sent along. Elsewhere (plain HTTP on a real name) it is Lax, and
 * the frame works only when the portal and the notebooks share a site.
 */
final class NotebookCookie {

    static final String NAME = "vantage-notebook";
    static final String SECURE_NAME = "__Host-vantage-notebook";

    /** How the browser will treat the notebook's origin. */
    record Context(boolean https, boolean trustworthy) {
        String name() {
            return https ? SECURE_NAME : NAME;
        }
    }

    private NotebookCookie() {
    }

    static Optional<String> read(HttpServletRequest request, Context context) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (context.name().equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void write(HttpServletResponse response, String value, Context context) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(context.name(), value).path("/").httpOnly(true);
        if (context.trustworthy()) {
            cookie.secure(true).sameSite("None").partitioned(true);
        } else {
            cookie.sameSite("Lax");
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
    }
}
