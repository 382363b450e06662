package io.vantage.api.security;

import java.net.URI;

/** The Content-Security-Policy: our own scripts only, websockets to ourselves, frames of our own pages. */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static String contentSecurityPolicy(String issuerUri) {
        // Chrome applies form-action to the redirect after the logout form, which goes to the provider.
        URI issuer = URI.create(issuerUri);
        String provider = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src 'self' ws: wss:; frame-src 'self'; frame-ancestors 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self' " + provider;
    }
}
