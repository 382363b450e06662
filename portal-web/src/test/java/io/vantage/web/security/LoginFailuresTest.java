package io.vantage.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.HttpSession;

/**
 * A provider that sends tokens without the configured id claim: the person gets a sentence they can act on, and no
 * user is created; an API call gets a 401 naming the claim.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.auth.oidc.claims.user-id=person_id"})
class LoginFailuresTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedOidcServer oidc;

    @Test
    void missingIdClaimFailsWithAClearMessageAndCreatesNobody() throws Exception {
        HttpSession browser = new HttpSession("http://localhost:" + port);
        int usersBefore = jdbc.queryForObject("select count(*) from users", Integer.class);

        String authorization = HttpSession.location(browser.get(HttpSession.location(browser.get("/"))));
        HttpResponse<String> callback = browser.postForm(authorization,
                Map.of("username", "no-person-id", "claims", "{\"family_name\":\"Nobody\"}"));
        HttpResponse<String> failed = browser.get(HttpSession.location(callback));
        assertThat(HttpSession.location(failed)).endsWith("/login-error");
        HttpResponse<String> page = browser.get(HttpSession.location(failed));

        assertThat(page.body()).contains("did not send the &#39;person_id&#39; claim");
        assertThat(jdbc.queryForObject("select count(*) from users", Integer.class)).isEqualTo(usersBefore);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void anApiTokenWithoutTheIdClaimIsRefusedNamingTheClaim() throws Exception {
        HttpSession client = new HttpSession("http://localhost:" + port);
        String token = oidc.server().issueToken("vantage", "some-subject", "vantage-portal",
                Map.of("family_name", "Nobody"), 300).serialize();

        HttpResponse<String> refused = client.get("/api/me", token);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"reason\":\"missing_claim\"")
                .contains("The access token was refused: it has no 'person_id' claim");
        assertThat(client.get("/api/me", oidc.server().issueToken("vantage", "some-subject", "vantage-portal",
                Map.of("family_name", "Meitner", "person_id", "2001"), 300).serialize()).body())
                .contains("\"id\":\"2001\"");
    }

    @Test
    void withThePersonIdClaimTheImportedUserIsFound() throws Exception {
        HttpSession browser = new HttpSession("http://localhost:" + port);
        browser.loginThroughEmbeddedProvider("some-idp-subject", "{\"person_id\":\"2001\",\"family_name\":\"Meitner\"}");
        assertThat(browser.get("/api/me").body()).contains("\"id\":\"2001\"")
                .contains("INSTRUMENT_SCIENTIST");
    }
}
