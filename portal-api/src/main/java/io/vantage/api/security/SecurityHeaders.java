package io.vantage.api.security;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The portal's Content-Security-Policy, on every portal response (never on notebook hosts, which the notebook
 * proxy answers before Spring Security): our own scripts only (no inline script), websockets to this portal's own
 * origin only, frames of our own pages and of notebook origins, and only the portal may frame the portal.
 */
final class SecurityHeaders implements HeaderWriter {

    static final String NAME = "Content-Security-Policy";
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.-]+$");

    private final String provider;
    private final NotebookOrigins notebooks;

    SecurityHeaders(String issuerUri, NotebookOrigins notebooks) {
        // Chrome applies form-action to the redirect after the logout form, which goes to the provider.
        URI issuer = URI.create(issuerUri);
        this.provider = issuer.getScheme() + "://" + issuer.getAuthority();
        this.notebooks = notebooks;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(NAME)) {
            response.setHeader(NAME, contentSecurityPolicy(request));
        }
    }

    String contentSecurityPolicy(HttpServletRequest request) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src 'self'" + ownWebSockets(request) + "; frame-src 'self' "
                + notebooks.cspSource() + "; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self' " + provider;
    }

    /** ws(s):// of the host and port this request reached (after forwarded headers), never ws: to anywhere. */
    private static String ownWebSockets(HttpServletRequest request) {
        String host = request.getServerName();
        if (host == null || !HOST.matcher(host).matches()) {
            return "";
        }
        boolean secure = "https".equalsIgnoreCase(request.getScheme());
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || (secure ? port == 443 : port == 80);
        return " " + (secure ? "wss://" : "ws://") + host + (defaultPort ? "" : ":" + port);
    }
}
