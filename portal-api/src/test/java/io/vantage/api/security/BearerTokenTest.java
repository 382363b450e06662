package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.HttpSession;

/**
 * Scripts and notebooks call the API with the provider's access tokens; anything not quite right gets 401 saying
 * what is wrong, and a token's roles are its own plus the portal's grants, whatever an earlier token carried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vantage.database.embedded.ephemeral=true")
class BearerTokenTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    HttpSession client;
    MockOAuth2Server server;

    @BeforeEach
    void setUp() {
        client = new HttpSession("http://localhost:" + port);
        server = oidc.server();
    }

    String token(String issuerId, String audience, long expirySeconds) {
        return server.issueToken(issuerId, "1002", audience,
                Map.of("given_name", "Dorothy", "family_name", "Hodgkin"), expirySeconds).serialize();
    }

    @Test
    void validTokenForThisPortalIsAccepted() throws Exception {
        HttpResponse<String> me = client.get("/api/me", token("vantage", "vantage-portal", 300));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"1002\"").contains("\"lastName\":\"Hodgkin\"");
    }

    /** A token issued ten minutes ago that expired {@code secondsAgo}, signed with the provider's key. */
    String expired(long secondsAgo) {
        Instant now = Instant.now();
        return server.getConfig().getTokenProvider().jwt(Map.of("iss", oidc.issuerUri(), "sub", "1002",
                "aud", "vantage-portal", "iat", Date.from(now.minusSeconds(600)), "nbf", Date.from(now.minusSeconds(600)),
                "exp", Date.from(now.minusSeconds(secondsAgo)), "family_name", "Hodgkin"), Duration.ofMinutes(5),
                "vantage").serialize();
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        assertUnauthorized(client.get("/api/me", expired(45)), "expired", "it expired at");
    }

    @Test
    void aTokenExpiredWithinTheClockSkewStillCounts() throws Exception {
        assertThat(client.get("/api/me", expired(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        assertUnauthorized(client.get("/api/me", token("some-other-realm", "vantage-portal", 300)), "signature",
                "signature does not verify");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        assertUnauthorized(client.get("/api/me", token("vantage", "another-app", 300)), "audience",
                "does not include 'vantage-portal'");
    }

    /** A real ID token of the embedded provider, from an authorization-code flow as the portal's login does it. */
    @Test
    void anIdTokenIsRefusedAsSuch() throws Exception {
        String redirect = "http://localhost:" + port + "/login/oauth2/code/vantage";
        String authorize = oidc.issuerUri() + "/authorize?client_id=vantage-portal&response_type=code&scope=openid"
                + "&state=s1&nonce=n1&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        HttpSession provider = new HttpSession(oidc.issuerUri());
        String callback = HttpSession.location(provider.postForm(authorize, Map.of("username", "1002",
                "claims", "{\"given_name\":\"Dorothy\",\"family_name\":\"Hodgkin\"}")));
        String code = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().getFirst("code");
        HttpResponse<String> tokens = provider.send(HttpRequest.newBuilder(URI.create(oidc.issuerUri() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("vantage-portal:secret".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8))).build());
        String idToken = JSON.readTree(tokens.body()).get("id_token").asText();
        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getAudience()).as("an ID token for the portal's client")
                .containsExactly("vantage-portal");

        assertUnauthorized(client.get("/api/me", idToken), "id_token", "it is an ID token");
    }

    @Test
    void aTokenWithoutTheRoleIsRefusedAtOnceWhateverAnEarlierTokenCarried() throws Exception {
        String id = "token-admin-" + System.nanoTime();
        String admin = server.issueToken("vantage", id, "vantage-portal", Map.of("family_name", "Token",
                "roles", List.of("ADMIN")), 300).serialize();
        String notAdmin = server.issueToken("vantage", id, "vantage-portal", Map.of("family_name", "Token",
                "roles", List.of()), 300).serialize();

        assertThat(client.get("/api/admin/users?q=x", admin).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = client.get("/api/admin/users?q=x", notAdmin);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"status\":403");
        assertThat(client.get("/api/me", notAdmin).body()).doesNotContain("ADMIN");
    }

    @Test
    void tamperedTokenIsRefused() throws Exception {
        String[] parts = token("vantage", "vantage-portal", 300).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("1002", "admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertThat(SignedJWT.parse(forged).getJWTClaimsSet().getSubject()).isEqualTo("admin");
        assertUnauthorized(client.get("/api/me", forged), "signature", "signature does not verify");
    }

    @Test
    void garbageTokenIsRefused() throws Exception {
        assertUnauthorized(client.get("/api/me", "not-a-jwt"), "malformed", "not a signed JWT");
    }

    @Test
    void anonymousApiCallGetsProblemJsonNotALoginPage() throws Exception {
        HttpResponse<String> response = client.get("/api/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":401").contains("Bearer");
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    private static void assertUnauthorized(HttpResponse<String> response, String reason, String detail) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("The access token was refused: ").contains(detail)
                .contains("\"reason\":\"" + reason + "\"");
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer error=\"invalid_token\"").contains(detail);
    }
}
