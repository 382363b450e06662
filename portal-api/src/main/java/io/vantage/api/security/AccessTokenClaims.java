package io.vantage.api.security;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;

/**
 * Reads claims of an access token the portal just received over TLS from the token endpoint (so its signature has
 * already been vouched for by the transport); opaque tokens have none.
 */
final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    static Map<String, Object> read(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getClaims();
        } catch (ParseException | RuntimeException e) {
            return Map.of();
        }
    }
}
