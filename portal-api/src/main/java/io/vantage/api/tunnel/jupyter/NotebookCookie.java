package io.vantage.api.tunnel.jupyter;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that carries a notebook session: for the notebook's own host only (no Domain), HttpOnly,
 * SameSite=Lax, and over HTTPS {@code Secure} with the {@code __Host-} prefix, so no other host (another notebook
 * among them) can set or overwrite it. It is a browser-session cookie; the server ends it earlier (idle, max age).
 */
final class NotebookCookie {

    static final String NAME = "vantage-notebook";
    static final String SECURE_NAME = "__Host-vantage-notebook";

    private NotebookCookie() {
    }

    static Optional<String> read(HttpServletRequest request, boolean secure) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String name = secure ? SECURE_NAME : NAME;
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void write(HttpServletResponse response, String value, boolean secure) {
        ResponseCookie cookie = ResponseCookie.from(secure ? SECURE_NAME : NAME, value)
                .path("/").httpOnly(true).secure(secure).sameSite("Lax").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
