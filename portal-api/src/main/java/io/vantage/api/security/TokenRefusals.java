package io.vantage.api.security;

import java.util.Locale;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Finds why Spring Security refused a bearer token, among the exceptions its decoder and validators throw. */
final class TokenRefusals {

    private TokenRefusals() {
    }

    static RefusedToken of(AuthenticationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    if (error instanceof RefusedToken refused) {
                        return refused;
                    }
                }
                return new RefusedToken(RefusedToken.OTHER, invalid.getErrors().stream().findFirst()
                        .map(OAuth2Error::getDescription).orElse(invalid.getMessage()));
            }
            if (t instanceof MissingClaimException missing) {
                return new RefusedToken(RefusedToken.MISSING_CLAIM, "it has no '" + missing.claim()
                        + "' claim, which names the person in the portal (vantage.auth.oidc.claims.user-id)");
            }
        }
        // Signature and parsing failures come from Nimbus as messages only.
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("signature") || lower.contains("no matching key") || lower.contains("another algorithm")) {
            return new RefusedToken(RefusedToken.SIGNATURE, "its signature does not verify with the identity "
                    + "provider's keys (forged, altered, or from another provider)");
        }
        if (lower.contains("malformed") || lower.contains("serialization") || lower.contains("parse")
                || lower.contains("unsupported") || lower.contains("unsecured")) {
            return new RefusedToken(RefusedToken.MALFORMED, "it is not a signed JWT");
        }
        return new RefusedToken(RefusedToken.OTHER, message.isBlank() ? "it is not valid" : message);
    }
}
