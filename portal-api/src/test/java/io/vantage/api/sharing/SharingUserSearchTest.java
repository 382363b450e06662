package io.vantage.api.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LifecyclePortalTest;

/** Finding people to share with: names and affiliations for everyone, e-mail addresses for admins only. */
@LifecyclePortalTest
class SharingUserSearchTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedOidcServer oidc;

    @Test
    void anyoneFindsPeopleByNameWithoutTheirEmail() throws Exception {
        ApiClient.Response found = as("1002").get("/api/users/search?q=fran");
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.get("items").findValuesAsString("id")).containsExactly("1001");
        assertThat(found.get("items").get(0).get("name").asText()).isEqualTo("Rosalind Franklin");
        assertThat(found.get("items").get(0).get("affiliation").asText()).isEqualTo("University of Lund");
        assertThat(found.get("items").get(0).has("email")).isFalse();
        assertThat(found.raw()).doesNotContain("@");
        assertThat(found.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void adminsSeeEmails() throws Exception {
        ApiClient.Response found = as("admin").get("/api/users/search?q=franklin");
        assertThat(found.get("items").get(0).get("email").asText()).isEqualTo("rosalind.franklin@lund.example");
    }

    @Test
    void pagedAndAtLeastTwoCharacters() throws Exception {
        ApiClient.Response tooShort = as("1001").get("/api/users/search?q=f");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(as("1001").get("/api/users/search").status()).isEqualTo(400);

        ApiClient.Response page = as("1001").get("/api/users/search?q=ka&size=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);

        ApiClient.Response oversized = as("1001").get("/api/users/search?q=ka&size=500");
        assertThat(oversized.get("errors").get(0).get("field").asText()).isEqualTo("size");
    }

    @Test
    void wildcardsAreNotAWayToListEveryone() throws Exception {
        ApiClient.Response all = as("1001").get("/api/users/search?q=%25%25");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.get("total").asLong()).isZero();
        assertThat(as("1001").get("/api/users/search?q=__").get("total").asLong()).isZero();
    }

    private ApiClient as(String userId) {
        return new ApiClient("http://localhost:" + port, oidc, userId);
    }
}
