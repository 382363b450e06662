package io.vantage.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.HttpSession;

/**
 * The full authorization-code login against the embedded OIDC server, over real HTTP, step by step as a browser
 * does it: portal → provider's login page → back to the portal with a code → session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vantage.database.embedded.ephemeral=true")
class OidcLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedOidcServer oidc;

    HttpSession browser;

    @BeforeEach
    void setUp() {
        browser = new HttpSession("http://localhost:" + port);
    }

    @Test
    void anonymousVisitorIsSentThroughTheProviderWithPkceAndComesBackSignedIn() throws Exception {
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(HttpSession.location(home)).endsWith("/oauth2/authorization/vantage");

        String authorization = HttpSession.location(browser.get(HttpSession.location(home)));
        assertThat(authorization).startsWith(oidc.issuerUri());
        Map<String, String> query = UriComponentsBuilder.fromUri(URI.create(authorization)).build().getQueryParams()
                .toSingleValueMap();
        assertThat(query).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge").containsKey("state").containsKey("nonce");

        HttpResponse<String> loginPage = browser.get(authorization);
        assertThat(loginPage.body()).contains("Demo login").contains("Rosalind").contains("Franklin");

        HttpResponse<String> callback = browser.postForm(authorization, Map.of("username", "1001",
                "claims", "{\"given_name\":\"Rosalind\",\"family_name\":\"Franklin\",\"email\":\"rf@lund.example\","
                        + "\"email_verified\":true}"));
        assertThat(HttpSession.location(callback)).startsWith("http://localhost:" + port + "/login/oauth2/code/vantage?code=");

        HttpResponse<String> landed = browser.get(HttpSession.location(callback));
        assertThat(HttpSession.location(landed)).isEqualTo("http://localhost:" + port + "/?continue");
        HttpResponse<String> page = browser.get(HttpSession.location(landed));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-user=\"1001\"");

        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"1001\"").contains("\"email\":\"rf@lund.example\"");
        assertThat(jdbc.queryForObject("select last_seen_at is not null from users where id = '1001'", Boolean.class))
                .isTrue();
    }

    @Test
    void firstLoginCreatesTheUserWithTheTokensKnownRolesOnly() throws Exception {
        browser.loginThroughEmbeddedProvider("new-scientist", "{\"given_name\":\"Chien-Shiung\",\"family_name\":\"Wu\","
                + "\"email\":\"wu@example.org\",\"email_verified\":true,\"roles\":[\"staff\",\"made-up-role\"]}");

        Map<String, Object> user = jdbc.queryForMap("select first_name, last_name, email from users where id = 'new-scientist'");
        assertThat(user).containsEntry("first_name", "Chien-Shiung").containsEntry("last_name", "Wu");
        assertThat(jdbc.queryForList("""
                select r.name || ':' || ur.source from user_roles ur join roles r on r.id = ur.role_id
                where ur.user_id = 'new-scientist'""", String.class)).containsExactly("STAFF:IDENTITY_PROVIDER");
        assertThat(browser.get("/api/me").body()).contains("\"roles\":[\"STAFF\"]");
    }

    @Test
    void loginLinksToTheImportedUserByVerifiedEmail() throws Exception {
        jdbc.update("insert into users (id, first_name, last_name, email) values ('imported-7', 'Emmy', 'Noether', 'emmy@example.org')");

        browser.loginThroughEmbeddedProvider("idp-subject-7", "{\"given_name\":\"Emmy\",\"family_name\":\"Noether\","
                + "\"email\":\"EMMY@example.org\",\"email_verified\":true}");

        assertThat(browser.get("/api/me").body()).contains("\"id\":\"imported-7\"");
        assertThat(jdbc.queryForObject("select count(*) from users where id = 'idp-subject-7'", Integer.class)).isZero();
    }

    @Test
    void unverifiedEmailDoesNotLinkToSomeoneElse() throws Exception {
        jdbc.update("insert into users (id, first_name, last_name, email) values ('victim-8', 'Vera', 'Rubin', 'vera@example.org')");

        browser.loginThroughEmbeddedProvider("attacker-8", "{\"family_name\":\"Mallory\","
                + "\"email\":\"vera@example.org\",\"email_verified\":false}");

        assertThat(browser.get("/api/me").body()).contains("\"id\":\"attacker-8\"");
    }

    @Test
    void portalGrantedRolesMergeWithTheTokensRoles() throws Exception {
        browser.loginThroughEmbeddedProvider("admin", "{\"family_name\":\"Hopper\",\"roles\":[\"IT_SUPPORT\"]}");
        assertThat(browser.get("/api/me").body()).contains("\"roles\":[\"ADMIN\",\"IT_SUPPORT\",\"STAFF\"]");
    }

    @Test
    void logoutEndsTheSessionAndGoesThroughTheProvider() throws Exception {
        // with the names the demo login sends: a login without them renames the person for later tests
        HttpResponse<String> page = browser.loginThroughEmbeddedProvider("1002",
                "{\"given_name\":\"Dorothy\",\"family_name\":\"Hodgkin\"}");
        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", HttpSession.csrf(page.body())));
        assertThat(HttpSession.location(logout)).startsWith(oidc.issuerUri()).contains("id_token_hint=")
                .contains("post_logout_redirect_uri=");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        HttpResponse<String> page = browser.loginThroughEmbeddedProvider("1001", null);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'self'").contains("object-src 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
