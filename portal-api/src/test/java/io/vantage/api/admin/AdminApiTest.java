package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;

/**
 * What the admin API tests share: clients for an admin and a plain user, fixtures written straight to the database,
 * and checks of problem responses and audit events. Tests make their own data (unique names) because all classes
 * on {@code @PortalTest} share one running portal and database.
 */
abstract class AdminApiTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient admin;
    ApiClient user;
    AdminFixtures fixtures;

    @BeforeEach
    void clients() {
        admin = new ApiClient(base(), oidc, "admin");
        user = new ApiClient(base(), oidc, "1001");
        fixtures = new AdminFixtures(jdbc);
    }

    String base() {
        return "http://localhost:" + port;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A 400 problem whose first field error names {@code field}. */
    static void assertFieldError(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.get("title").asString()).isEqualTo("Invalid request");
        assertThat(response.get("errors").get(0).get("field").asString()).as(response.raw()).isEqualTo(field);
    }

    static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.get("status").asInt()).isEqualTo(status);
        assertThat(response.get("detail").asString()).isNotBlank();
    }

    static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> strings(JsonNode array, String field) {
        return items(array).stream().map(node -> node.get(field).asString()).toList();
    }

    /** "action:outcome" of the audit events about one target, oldest first. */
    List<String> audit(String targetType, Object targetId) {
        return jdbc.queryForList("""
                select action || ':' || outcome from audit_events
                where target_type = ? and target_id = ? and actor_id = 'admin' order by id""",
                String.class, targetType, String.valueOf(targetId));
    }

    long localProviderId() {
        return jdbc.queryForObject("select id from cloud_providers where name = 'local'", Long.class);
    }

    long protocolId(String name) {
        return jdbc.queryForObject("select id from protocols where name = ?", Long.class, name);
    }
}
