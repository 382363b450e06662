package io.vantage.api.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.vantage.api.cloud.CloudWatch;
import io.vantage.api.testing.ApiClient;

/**
 * A cloud of the tests' memory provider type added through the admin API, with one plan per image made here; every
 * machine's services are one socket this fixture listens on, so machines become ACTIVE (pool machines: ready).
 */
final class MemoryPool implements AutoCloseable {

    final ApiClient admin;
    final JdbcTemplate jdbc;
    final String name = "mem-" + UUID.randomUUID().toString().substring(0, 8);
    final ServerSocket services = new ServerSocket(0);
    final long providerId;
    private final long flavourId;
    private int images;

    MemoryPool(ApiClient admin, JdbcTemplate jdbc, boolean pool, Integer maxInstances) throws Exception {
        this.admin = admin;
        this.jdbc = jdbc;
        Map<String, Object> settings = new HashMap<>(Map.of("service-port", services.getLocalPort(),
                "api-key", "k-123456", "pool", pool));
        if (maxInstances != null) {
            settings.put("max-instances", maxInstances);
        }
        ApiClient.Response provider = admin.post("/api/admin/providers", Map.of("name", name, "type", "memory",
                "settings", settings));
        assertThat(provider.status()).as(provider.raw()).isEqualTo(201);
        providerId = provider.get("id").asLong();
        flavourId = admin.post("/api/admin/flavours", Map.of("providerId", providerId, "providerFlavourId", "tiny",
                "name", name + " tiny")).get("id").asLong();
    }

    /** A new plan: a new image on the one flavour (a plan is one image on one flavour). */
    long plan() throws Exception {
        long vnc = jdbc.queryForObject("select id from protocols where name = 'VNC'", Long.class);
        ApiClient.Response image = admin.post("/api/admin/images", Map.of("providerId", providerId,
                "providerImageId", "memory-desktop", "name", name + " desktop " + (++images), "visible", true,
                "protocolIds", List.of(vnc), "defaultProtocolId", vnc));
        assertThat(image.status()).as(image.raw()).isEqualTo(201);
        ApiClient.Response plan = admin.post("/api/admin/plans", Map.of("imageId", image.get("id").asLong(),
                "flavourId", flavourId));
        assertThat(plan.status()).as(plan.raw()).isEqualTo(201);
        return plan.get("id").asLong();
    }

    ApiClient.Response setPool(long plan, Map<String, Object> pool) throws Exception {
        return admin.put("/api/admin/plans/" + plan + "/pool", pool);
    }

    JsonNode pool(long plan) throws Exception {
        return admin.get("/api/admin/plans/" + plan + "/pool").body();
    }

    /** Waits until the pool holds {@code ready} ready machines and nothing else; returns their uids. */
    List<String> awaitReady(long plan, int ready) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            view[0] = pool(plan);
            assertThat(view[0].get("ready").asInt()).as(view[0].toString()).isEqualTo(ready);
            assertThat(view[0].get("warming").asInt()).as(view[0].toString()).isZero();
        });
        List<String> uids = new ArrayList<>();
        view[0].get("machines").forEach(machine -> uids.add(machine.get("uid").asString()));
        return uids;
    }

    /** Asks the cloud for its limits now and waits until the portal has recorded an answer given after this call. */
    void freshLimits(CloudWatch watch) {
        Instant asked = Instant.now();
        watch.refresh(providerId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode at = admin.get("/api/admin/providers/" + providerId).body().get("limitsAt");
            return at != null && !at.isNull() && Instant.parse(at.asString()).isAfter(asked);
        });
    }

    String state(String uid) {
        return jdbc.queryForObject("select state from instances where uid = ?", String.class, uid);
    }

    String computeId(String uid) {
        return jdbc.queryForObject("select compute_id from instances where uid = ?", String.class, uid);
    }

    @Override
    public void close() throws Exception {
        services.close();
    }
}
