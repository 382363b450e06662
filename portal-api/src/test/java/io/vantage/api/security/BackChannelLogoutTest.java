package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.HttpSession;

/**
 * OIDC back-channel logout against the embedded provider's keys: a logout token for the person's provider session
 * ends their portal session (stored in the database, so on whichever replica); anything not quite a logout token
 * from the portal's provider, for the portal, ends nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vantage.database.embedded.ephemeral=true")
class BackChannelLogoutTest {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    MockOAuth2Server server;
    String person;
    HttpSession browser;

    @BeforeEach
    void signIn() throws Exception {
        server = oidc.server();
        person = "bcl-" + UUID.randomUUID().toString().substring(0, 8);
        browser = new HttpSession(base());
        browser.loginThroughEmbeddedProvider(person, "{\"family_name\":\"Logout\"}");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }

    String base() {
        return "http://localhost:" + port;
    }

    String logoutToken(String issuerId, String audience, Map<String, Object> extra) {
        Map<String, Object> claims = new HashMap<>(Map.of("events", Map.of(EVENT, Map.of())));
        claims.putAll(extra);
        return server.issueToken(issuerId, person, audience, claims, 120).serialize();
    }

    HttpResponse<String> postLogout(String token) throws Exception {
        return new HttpSession(base()).postForm("/logout/connect/back-channel/vantage", Map.of("logout_token", token));
    }

    @Test
    void aLogoutTokenForThePersonEndsTheirPortalSession() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from oidc_sessions where subject = ?", Integer.class, person))
                .as("the login recorded its provider session").isOne();

        HttpResponse<String> logout = postLogout(logoutToken("vantage", "vantage-portal", Map.of()));

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(HttpSession.location(browser.get("/"))).endsWith("/oauth2/authorization/vantage");
        assertThat(jdbc.queryForObject("select count(*) from oidc_sessions where subject = ?", Integer.class, person))
                .isZero();
    }

    @Test
    void whatIsNotALogoutTokenOfThePortalsProviderEndsNothing() throws Exception {
        assertThat(postLogout(logoutToken("vantage", "another-app", Map.of())).statusCode()).as("audience")
                .isEqualTo(400);
        assertThat(postLogout(logoutToken("other-realm", "vantage-portal", Map.of())).statusCode()).as("keys")
                .isEqualTo(400);
        assertThat(postLogout(logoutToken("vantage", "vantage-portal", Map.of("nonce", "n"))).statusCode())
                .as("an ID token's nonce").isEqualTo(400);
        assertThat(postLogout(server.issueToken("vantage", person, "vantage-portal", Map.of(), 120).serialize())
                .statusCode()).as("no logout event").isEqualTo(400);
        assertThat(new HttpSession(base()).postForm("/logout/connect/back-channel/vantage", Map.of()).statusCode())
                .as("no token").isEqualTo(400);

        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }
}
