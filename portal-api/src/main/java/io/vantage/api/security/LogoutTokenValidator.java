package io.vantage.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** A logout token as OIDC Back-Channel Logout 1.0 section 2.6 wants it, from the portal's provider, for its client. */
final class LogoutTokenValidator implements OAuth2TokenValidator<Jwt> {

    static final String BACK_CHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final String issuer;
    private final String clientId;
    private final Duration clockSkew;
    private final Clock clock = Clock.systemUTC();

    LogoutTokenValidator(String issuer, String clientId, Duration clockSkew) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clockSkew = clockSkew;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        Object type = jwt.getHeaders().get("typ");
        if (type != null && !"JWT".equalsIgnoreCase(type.toString()) && !"logout+jwt".equalsIgnoreCase(type.toString())) {
            errors.add(error("typ must be logout+jwt or JWT"));
        }
        if (!issuer.equals(String.valueOf(jwt.getClaims().get("iss")))) {
            errors.add(error("iss is not the portal's identity provider"));
        }
        if (jwt.getAudience() == null || !jwt.getAudience().contains(clientId)) {
            errors.add(error("aud does not contain the portal's client id"));
        }
        Instant now = clock.instant();
        if (jwt.getIssuedAt() == null || jwt.getIssuedAt().isAfter(now.plus(clockSkew))) {
            errors.add(error("iat is missing or in the future"));
        }
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(now.minus(clockSkew))) {
            errors.add(error("the logout token expired"));
        }
        if (jwt.getId() == null) {
            errors.add(error("jti is missing"));
        }
        if (!(jwt.getClaims().get("events") instanceof Map<?, ?> events) || !events.containsKey(BACK_CHANNEL_LOGOUT_EVENT)) {
            errors.add(error("events does not contain " + BACK_CHANNEL_LOGOUT_EVENT));
        }
        if (jwt.getSubject() == null && jwt.getClaims().get("sid") == null) {
            errors.add(error("sub and sid are both missing"));
        }
        if (jwt.getClaims().containsKey("nonce")) {
            errors.add(error("a logout token must not carry a nonce"));
        }
        return OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error error(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description,
                "https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation");
    }
}
