package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** The API's token rule on the shapes the embedded mock-oauth2-server and Keycloak 26 actually issue. */
class AccessTokenValidatorTest {

    static final String ISSUER = "https://sso.example.org/realms/vantage";
    final AccessTokenValidator validator = new AccessTokenValidator(ISSUER, "vantage-portal", Duration.ofSeconds(30));

    static Jwt.Builder token(String typHeader) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("u")
                .audience(List.of("vantage-portal")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        return typHeader == null ? builder : builder.header("typ", typHeader);
    }

    String reason(Jwt jwt) {
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        return result.hasErrors() ? ((RefusedToken) result.getErrors().iterator().next()).reason() : null;
    }

    @Test
    void accessTokensAreAccepted() {
        assertThat(reason(token("JWT").claim("tid", "vantage").build())).as("mock-oauth2-server access token").isNull();
        assertThat(reason(token("JWT").claim("typ", "Bearer").claim("azp", "vantage-cli").claim("sid", "s")
                .claim("nonce", "n").build())).as("Keycloak access token, even with a nonce").isNull();
        assertThat(reason(token("at+jwt").build())).as("RFC 9068").isNull();
        assertThat(reason(token("application/at+jwt").build())).isNull();
        assertThat(reason(token(null).build())).as("no typ at all").isNull();
    }

    @Test
    void idTokensAreRefusedAsSuch() {
        assertThat(reason(token("JWT").claim("typ", "ID").claim("at_hash", "h").build())).as("Keycloak ID token")
                .isEqualTo(RefusedToken.ID_TOKEN);
        assertThat(reason(token("JWT").claim("nonce", "n").claim("azp", "vantage-portal").build()))
                .as("mock-oauth2-server ID token").isEqualTo(RefusedToken.ID_TOKEN);
        assertThat(reason(token(null).claim("at_hash", "h").build())).isEqualTo(RefusedToken.ID_TOKEN);
        assertThat(reason(token(null).claim("c_hash", "h").build())).isEqualTo(RefusedToken.ID_TOKEN);
    }

    @Test
    void otherKindsOfTokenAreRefused() {
        assertThat(reason(token("JWT").claim("typ", "Refresh").build())).isEqualTo(RefusedToken.NOT_AN_ACCESS_TOKEN);
        assertThat(reason(token("logout+jwt").build())).isEqualTo(RefusedToken.NOT_AN_ACCESS_TOKEN);
    }

    @Test
    void expiryAllowsTheConfiguredSkewOnly() {
        assertThat(reason(token("JWT").issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(20)).build())).isNull();
        assertThat(reason(token("JWT").issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(40)).build())).isEqualTo(RefusedToken.EXPIRED);
        assertThat(reason(token("JWT").notBefore(Instant.now().plusSeconds(20)).build())).isNull();
        assertThat(reason(token("JWT").notBefore(Instant.now().plusSeconds(40)).build()))
                .isEqualTo(RefusedToken.NOT_YET_VALID);
    }

    @Test
    void issuerAndAudienceMustBeThePortals() {
        assertThat(reason(token("JWT").issuer("https://elsewhere").build())).isEqualTo(RefusedToken.ISSUER);
        assertThat(reason(token("JWT").audience(List.of("account")).build())).isEqualTo(RefusedToken.AUDIENCE);
        Jwt noAudience = Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(Map.of("iss", ISSUER,
                "sub", "u", "exp", Instant.now().plusSeconds(60)))).build();
        assertThat(validator.validate(noAudience).getErrors().iterator().next().getDescription())
                .contains("audience (aud) is missing").contains("'vantage-portal'");
    }
}
