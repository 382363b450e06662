package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

import io.vantage.api.security.PortalOidcUser;
import io.vantage.api.testing.HttpSession;

/**
 * What a login puts into the session is stored in PostgreSQL and reads back in a fresh class loader's way (plain
 * Java deserialization of the stored bytes, as another replica or a restarted portal does): the OIDC user with its
 * portal id and login roles, and the authorized client with its tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vantage.database.embedded.ephemeral=true")
class SessionStorageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLoginsSessionIsStoredInTheDatabaseAndReadsBack() throws Exception {
        HttpSession browser = new HttpSession("http://localhost:" + port);
        browser.loginThroughEmbeddedProvider("session-reader", "{\"family_name\":\"Reader\",\"roles\":[\"GUEST\"]}");

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select a.attribute_name, a.attribute_bytes from spring_session s
                join spring_session_attributes a on a.session_primary_id = s.primary_id
                where s.principal_name = 'session-reader'""");
        Map<String, Object> attributes = new HashMap<>();
        for (Map<String, Object> row : rows) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream((byte[]) row.get("attribute_bytes")))) {
                attributes.put((String) row.get("attribute_name"), in.readObject());
            }
        }

        SecurityContext context = (SecurityContext) attributes.get("SPRING_SECURITY_CONTEXT");
        PortalOidcUser user = (PortalOidcUser) ((OAuth2AuthenticationToken) context.getAuthentication()).getPrincipal();
        assertThat(user.userId()).isEqualTo("session-reader");
        assertThat(user.loginRoles()).containsExactly("GUEST");
        assertThat(user.getIdToken().getTokenValue()).isNotBlank();
        @SuppressWarnings("unchecked")
        Map<String, OAuth2AuthorizedClient> clients = (Map<String, OAuth2AuthorizedClient>) attributes.values().stream()
                .filter(Map.class::isInstance).findFirst().orElseThrow();
        assertThat(clients.get("vantage").getAccessToken().getTokenValue()).isNotBlank();
        assertThat(clients.get("vantage").getClientRegistration().getProviderDetails().getJwkSetUri()).isNotBlank();
    }
}
