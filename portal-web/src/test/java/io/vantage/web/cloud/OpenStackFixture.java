package io.vantage.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.vantage.api.cloud.CloudWatch;
import io.vantage.cloud.openstack.StatefulOpenStack;
import io.vantage.api.testing.ApiClient;

/**
 * A stateful OpenStack (WireMock shaped like Keystone, Nova and Glance) added to the running portal as a cloud
 * provider through the admin API, with an image whose one required port is a socket this fixture listens on (every
 * server's address is 127.0.0.1), so instances on it become ACTIVE like real ones.
 */
public final class OpenStackFixture implements AutoCloseable {

    final StatefulOpenStack cloud = new StatefulOpenStack();
    final ServerSocket services;
    final long providerId;
    final long imageId;
    final long planId;
    private final ApiClient admin;
    private final JdbcTemplate jdbc;

    public OpenStackFixture(ApiClient admin, JdbcTemplate jdbc) throws Exception {
        this(admin, jdbc, Map.of());
    }

    /** @param moreSettings provider settings besides the login (e.g. {@code pool-agent-port}) */
    public OpenStackFixture(ApiClient admin, JdbcTemplate jdbc, Map<String, Object> moreSettings) throws Exception {
        this.admin = admin;
        this.jdbc = jdbc;
        this.services = new ServerSocket(0);
        String name = "os-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("auth-url", cloud.authUrl(), "region",
                "RegionOne", "username", "vantage", "password", "swordfish", "project-id",
                StatefulOpenStack.PROJECT_ID, "read-timeout", "25s"));
        settings.putAll(moreSettings);
        ApiClient.Response provider = admin.post("/api/admin/providers", Map.of("name", name, "type", "openstack",
                "settings", settings));
        assertThat(provider.status()).as(provider.raw()).isEqualTo(201);
        providerId = provider.get("id").asLong();
        Long protocol = jdbc.queryForObject("insert into protocols (name, kind, port) values (?, 'HTTP', ?) "
                + "returning id", Long.class, "TEST-" + services.getLocalPort(), services.getLocalPort());
        ApiClient.Response image = admin.post("/api/admin/images", Map.of("providerId", providerId,
                "providerImageId", StatefulOpenStack.IMAGE_ID, "name", name + " image", "visible", true,
                "protocolIds", List.of(protocol)));
        assertThat(image.status()).as(image.raw()).isEqualTo(201);
        imageId = image.get("id").asLong();
        ApiClient.Response flavour = admin.post("/api/admin/flavours", Map.of("providerId", providerId,
                "providerFlavourId", "m1.small", "name", name + " small"));
        assertThat(flavour.status()).as(flavour.raw()).isEqualTo(201);
        planId = admin.post("/api/admin/plans", Map.of("imageId", imageId,
                "flavourId", flavour.get("id").asLong())).get("id").asLong();
    }

    /** Asks the cloud for its limits now and waits until the portal has recorded an answer given after this call. */
    JsonNode freshLimits(CloudWatch watch) {
        Instant asked = Instant.now();
        watch.refresh(providerId);
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            view[0] = admin.get("/api/admin/providers/" + providerId).body();
            JsonNode at = view[0].get("limitsAt");
            return at != null && !at.isNull() && Instant.parse(at.asString()).isAfter(asked);
        });
        return view[0];
    }

    /** The image offers one more protocol, an optional one, on this port (e.g. the file service, {@code FILES}). */
    public void offer(String kind, int port) {
        Long protocol = jdbc.queryForObject("insert into protocols (name, kind, port, optional) values (?, ?, ?, true) "
                + "returning id", Long.class, kind + "-" + port, kind, port);
        jdbc.update("insert into image_protocols (image_id, protocol_id) values (?, ?)", imageId, protocol);
    }

    /** The Nova metadata the portal gave the instance's server. */
    public Map<String, String> metadataOf(String uid) {
        return cloud.servers().stream().filter(s -> uid.equals(s.metadata().get("vantage-instance"))).findFirst()
                .orElseThrow().metadata();
    }

    public StatefulOpenStack cloud() {
        return cloud;
    }

    public long planId() {
        return planId;
    }

    String computeIdOf(String uid) {
        return jdbc.queryForObject("select compute_id from instances where uid = ?", String.class, uid);
    }

    String stateOf(String uid) {
        return jdbc.queryForObject("select state from instances where uid = ?", String.class, uid);
    }

    List<String> history(String uid) {
        return jdbc.queryForList("""
                select c.type || ':' || c.state || ':' || coalesce(c.message, '') from instance_commands c
                join instances i on i.id = c.instance_id where i.uid = ? order by c.id""", String.class, uid);
    }

    @Override
    public void close() throws IOException {
        cloud.close();
        services.close();
    }
}
