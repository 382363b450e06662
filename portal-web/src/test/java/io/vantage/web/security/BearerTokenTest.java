package io.vantage.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.web.HttpSession;

/** Scripts and notebooks call the API with the provider's access tokens; anything not quite right gets 401. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vantage.database.embedded.ephemeral=true")
class BearerTokenTest {

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

    @Test
    void expiredTokenIsRefused() throws Exception {
        assertUnauthorized(client.get("/api/me", token("vantage", "vantage-portal", -120)));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        assertUnauthorized(client.get("/api/me", token("some-other-realm", "vantage-portal", 300)));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        assertUnauthorized(client.get("/api/me", token("vantage", "another-app", 300)));
    }

    @Test
    void tamperedTokenIsRefused() throws Exception {
        String[] parts = token("vantage", "vantage-portal", 300).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("1002", "admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertThat(SignedJWT.parse(forged).getJWTClaimsSet().getSubject()).isEqualTo("admin");
        assertUnauthorized(client.get("/api/me", forged));
    }

    @Test
    void garbageTokenIsRefused() throws Exception {
        assertUnauthorized(client.get("/api/me", "not-a-jwt"));
    }

    @Test
    void anonymousApiCallGetsProblemJsonNotALoginPage() throws Exception {
        HttpResponse<String> response = client.get("/api/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":401").contains("Bearer");
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("The access token was refused");
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    }
}
