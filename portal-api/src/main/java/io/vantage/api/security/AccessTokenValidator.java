package io.vantage.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What makes a signed JWT an access token for this portal, each failure with its own reason:
 * <ul>
 *   <li>not expired and already valid ({@code exp}, {@code nbf}), with {@code vantage.auth.clock-skew} tolerance;</li>
 *   <li>from the portal's identity provider ({@code iss}) and meant for the portal ({@code aud} holds the
 *       configured audience);</li>
 *   <li>an <em>access</em> token, not an ID token: a header {@code typ} of {@code at+jwt} (RFC 9068) is accepted;
 *       Keycloak's {@code typ} claim must be {@code Bearer} (its ID tokens say {@code ID}, refresh tokens
 *       {@code Refresh}); without that claim, a token carrying {@code nonce}, {@code at_hash} or {@code c_hash}
 *       (claims only ID tokens have, OIDC Core 3.1.3.6 and 3.3.2.11) is an ID token. A header {@code typ} other
 *       than {@code JWT} or {@code at+jwt} (a logout or event token) is refused.</li>
 * </ul>
 */
final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final List<String> ID_TOKEN_CLAIMS = List.of("nonce", "at_hash", "c_hash");

    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock = Clock.systemUTC();

    AccessTokenValidator(String issuer, String audience, Duration clockSkew) {
        this.issuer = issuer;
        this.audience = audience;
        this.clockSkew = clockSkew;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        RefusedToken refused = type(jwt);
        if (refused == null) {
            refused = time(jwt);
        }
        if (refused == null && !issuer.equals(String.valueOf(jwt.getClaims().get("iss")))) {
            refused = new RefusedToken(RefusedToken.ISSUER, "it was issued by '" + jwt.getClaims().get("iss")
                    + "', not by the portal's identity provider '" + issuer + "'");
        }
        if (refused == null && (jwt.getAudience() == null || !jwt.getAudience().contains(audience))) {
            refused = new RefusedToken(RefusedToken.AUDIENCE, "it is not meant for this portal: its audience (aud) "
                    + (jwt.getAudience() == null ? "is missing" : jwt.getAudience()) + " does not include '" + audience
                    + "'; the identity provider needs an audience mapper for the portal");
        }
        return refused == null ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(refused);
    }

    private static RefusedToken type(Jwt jwt) {
        Object header = jwt.getHeaders().get("typ");
        String headerType = header == null ? "" : header.toString().toLowerCase(Locale.ROOT);
        if (headerType.equals("at+jwt") || headerType.equals("application/at+jwt")) {
            return null;
        }
        if (!headerType.isEmpty() && !headerType.equals("jwt")) {
            return new RefusedToken(RefusedToken.NOT_AN_ACCESS_TOKEN, "it is a '" + header
                    + "' token, not an access token");
        }
        Object claim = jwt.getClaims().get("typ");
        if (claim != null) {
            if ("Bearer".equalsIgnoreCase(claim.toString())) {
                return null;
            }
            return "ID".equalsIgnoreCase(claim.toString()) ? idToken()
                    : new RefusedToken(RefusedToken.NOT_AN_ACCESS_TOKEN, "it is a '" + claim
                            + "' token, not an access token");
        }
        return ID_TOKEN_CLAIMS.stream().anyMatch(jwt.getClaims()::containsKey) ? idToken() : null;
    }

    private static RefusedToken idToken() {
        return new RefusedToken(RefusedToken.ID_TOKEN, "it is an ID token; the API accepts access tokens only "
                + "(the access_token of the token response, not its id_token)");
    }

    private RefusedToken time(Jwt jwt) {
        Instant now = clock.instant();
        Instant expiry = jwt.getExpiresAt();
        if (expiry == null) {
            return new RefusedToken(RefusedToken.EXPIRED, "it has no expiry (exp)");
        }
        if (now.minus(clockSkew).isAfter(expiry)) {
            return new RefusedToken(RefusedToken.EXPIRED, "it expired at " + expiry);
        }
        Instant notBefore = jwt.getNotBefore();
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore)) {
            return new RefusedToken(RefusedToken.NOT_YET_VALID, "it is not valid before " + notBefore);
        }
        return null;
    }
}
