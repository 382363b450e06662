package io.vantage.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.vantage.api.cloud.MemoryProviderFactory;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;

/**
 * A provider type that portal-domain, db and portal-api have never heard of ({@link MemoryProviderFactory}, only on
 * the tests' class path) is usable end to end through the admin API: its declared settings are listed, validated
 * (unknown and missing keys named, the secret masked), and an instance launched on it becomes ACTIVE, reboots and
 * is deleted, while stop, which the type does not support, is neither offered nor accepted.
 */
@PortalTest
class OpenProviderTypesTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFourthProviderTypeWorksThroughTheAdminApiWithoutPortalChanges() throws Exception {
        ApiClient admin = new ApiClient(base(), oidc, "admin");
        JsonNode types = admin.get("/api/admin/provider-types").body();
        JsonNode memory = stream(types).filter(t -> t.get("type").asString().equals("memory")).findFirst()
                .orElseThrow(() -> new AssertionError("memory type not listed: " + types));
        assertThat(stream(memory.get("settings")).filter(s -> s.get("name").asString().equals("api-key")))
                .singleElement().satisfies(s -> {
                    assertThat(s.get("secret").asBoolean()).isTrue();
                    assertThat(s.get("required").asBoolean()).isTrue();
                });

        try (ServerSocket services = new ServerSocket(0)) {
            String name = "mem-" + UUID.randomUUID().toString().substring(0, 8);
            ApiClient.Response missing = admin.post("/api/admin/providers", Map.of("name", name, "type", "memory",
                    "settings", Map.of("service-port", services.getLocalPort())));
            assertSettingError(missing, "settings.api-key", "missing required setting 'api-key'");
            ApiClient.Response unknown = admin.post("/api/admin/providers", Map.of("name", name, "type", "memory",
                    "settings", Map.of("service-port", services.getLocalPort(), "api-key", "k-123456", "colour", "red")));
            assertSettingError(unknown, "settings.colour", "unknown setting 'colour'");

            // camelCase is read like application.yml reads it, and stored in the declared kebab-case form
            ApiClient.Response created = admin.post("/api/admin/providers", Map.of("name", name, "type", "MEMORY",
                    "settings", Map.of("servicePort", services.getLocalPort(), "api-key", "k-123456")));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            assertThat(created.get("type").asString()).isEqualTo("memory");
            assertThat(created.get("settings").get("api-key").asString()).isEqualTo("****");
            assertThat(created.get("settings").get("service-port").asInt()).isEqualTo(services.getLocalPort());
            assertThat(created.raw()).doesNotContain("k-123456");
            assertThat(created.get("capabilities").toString()).isEqualTo("[\"REBOOT\"]");
            long providerId = created.get("id").asLong();

            long image = admin.post("/api/admin/images", Map.of("providerId", providerId, "providerImageId",
                    "memory-desktop", "name", name + " desktop", "visible", true,
                    "protocolIds", List.of(protocolId("VNC")), "defaultProtocolId", protocolId("VNC")))
                    .get("id").asLong();
            long flavour = admin.post("/api/admin/flavours", Map.of("providerId", providerId,
                    "providerFlavourId", "tiny", "name", name + " tiny")).get("id").asLong();
            long plan = admin.post("/api/admin/plans", Map.of("imageId", image, "flavourId", flavour))
                    .get("id").asLong();

            String scientist = Desktops.scientist(jdbc, "memory-user", "EXP-1");
            ApiClient owner = new ApiClient(base(), oidc, scientist);
            ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", plan,
                    "experimentIds", List.of("EXP-1"), "name", "On memory"));
            assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
            String uid = launched.get("uid").asString();
            Desktops.awaitState(owner, uid, "ACTIVE");

            JsonNode actions = owner.get("/api/instances/" + uid).get("actions");
            assertThat(actions.get("stopStart").asBoolean()).isFalse();
            assertThat(actions.get("reboot").asBoolean()).isTrue();
            HttpSession browser = new HttpSession(base());
            browser.loginThroughEmbeddedProvider(scientist, "{\"given_name\":\"Test\",\"family_name\":\"Memory\"}");
            HttpResponse<String> page = browser.get("/instances/" + uid);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-action=\"reboot\"").doesNotContain("data-action=\"stop\"");

            ApiClient.Response stop = owner.post("/api/instances/" + uid + "/stop", null);
            assertThat(stop.status()).as(stop.raw()).isEqualTo(409);
            assertThat(stop.get("detail").asString()).contains("cannot stop").contains("type memory");
            assertThat(owner.post("/api/instances/" + uid + "/reboot", null).status()).isEqualTo(202);

            String computeId = jdbc.queryForObject("select compute_id from instances where uid = ?", String.class, uid);
            assertThat(MemoryProviderFactory.MACHINES.get(name)).containsKey(computeId);
            await().atMost(Duration.ofSeconds(30)).until(() -> owner.delete("/api/instances/" + uid).status() == 202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DELETED".equals(
                    jdbc.queryForObject("select state from instances where uid = ?", String.class, uid)));
            assertThat(MemoryProviderFactory.MACHINES.get(name)).doesNotContainKey(computeId);
        }
    }

    private static void assertSettingError(ApiClient.Response response, String field, String message) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.get("detail").asString()).contains(message);
    }

    private long protocolId(String name) {
        return jdbc.queryForObject("select id from protocols where name = ?", Long.class, name);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
