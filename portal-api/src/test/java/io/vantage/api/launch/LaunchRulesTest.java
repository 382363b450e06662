package io.vantage.api.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;

/**
 * The launch rules, checked through the dry-run endpoint (same rules as a launch, nothing created): each refusal
 * names the field or says what is exhausted and what to do.
 */
@PortalTest
class LaunchRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedOidcServer oidc;

    ApiClient scientist;
    long small;
    long large;

    @BeforeEach
    void setUp() {
        scientist = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "rules-user", "EXP-1"));
        small = Desktops.plan(jdbc, "desktop", "small");
        large = Desktops.plan(jdbc, "desktop", "large");
    }

    Map<String, Object> launch(Object... entries) {
        Map<String, Object> body = new HashMap<>(Map.of("planId", small, "experimentIds", List.of("EXP-1"), "name", "ok"));
        for (int i = 0; i < entries.length; i += 2) {
            body.put((String) entries[i], entries[i + 1]);
        }
        return body;
    }

    ApiClient.Response check(ApiClient client, Map<String, Object> body) throws Exception {
        return client.post("/api/instances/validation", body);
    }

    static String field(ApiClient.Response response) {
        return response.body().get("errors").get(0).get("field").asText();
    }

    @Test
    void aValidLaunchPasses() throws Exception {
        assertThat(check(scientist, launch()).status()).isEqualTo(204);
    }

    @Test
    void badFieldsAreNamed() throws Exception {
        ApiClient.Response missing = check(scientist, Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw()).contains("\"field\":\"planId\"").contains("\"field\":\"name\"");
        assertThat(field(check(scientist, launch("screenWidth", 100)))).isEqualTo("screenWidth");
        assertThat(field(check(scientist, launch("name", "<script>")))).isEqualTo("name");
        assertThat(field(check(scientist, launch("keyboardLayout", "klingon")))).isEqualTo("keyboardLayout");
        assertThat(field(check(scientist, launch("planId", 999999)))).isEqualTo("planId");
        assertThat(field(check(scientist, launch("experimentIds", List.of("NOPE"))))).isEqualTo("experimentIds");
        assertThat(field(check(scientist, launch("experimentIds", List.of())))).isEqualTo("experimentIds");
        ApiClient.Response tooLong = check(scientist, launch("lifetimeHours", 100_000));
        assertThat(field(tooLong)).isEqualTo("lifetimeHours");
        assertThat(tooLong.get("detail").asText()).contains("at most 336 hours");
    }

    @Test
    void onlyYourOwnExperiments() throws Exception {
        ApiClient.Response notMine = check(scientist, launch("experimentIds", List.of("EXP-2")));
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.get("detail").asText()).contains("You are not on experiment EXP-2");
    }

    @Test
    void sizesReservedForStaffAreExplained() throws Exception {
        ApiClient.Response reserved = check(scientist, launch("planId", large));
        assertThat(reserved.status()).isEqualTo(422);
        assertThat(reserved.get("detail").asText()).contains("reserved").contains("Choose a smaller size");
        ApiClient staff = new ApiClient("http://localhost:" + port, oidc, "2001");
        assertThat(check(staff, launch("planId", large, "experimentIds", List.of())).status())
                .as("staff may use it, also without an experiment").isEqualTo(204);
    }

    @Test
    void aFullQuotaSaysWhatIsExhaustedAndWhatToDo() throws Exception {
        jdbc.update("update users set instance_quota = 0 where id = 'rules-user'");
        try {
            ApiClient.Response full = check(scientist, launch());
            assertThat(full.status()).isEqualTo(409);
            assertThat(full.get("title").asText()).isEqualTo("Quota exceeded");
            assertThat(full.get("exhausted").get(0).get("resource").asText()).isEqualTo("instances");
            assertThat(full.get("detail").asText()).contains("Delete an instance you no longer need")
                    .as("a smaller size would not help: the number of instances is the limit").doesNotContain("smaller size");
        } finally {
            jdbc.update("update users set instance_quota = null where id = 'rules-user'");
        }
    }
}
