package io.vantage.api.admin;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written straight to the database for what the admin API only reads or acts on. Instances live on a
 * disabled provider, so neither the reconciler nor a worker's cloud call changes them behind a test's back.
 */
public final class AdminFixtures {

    private final JdbcTemplate jdbc;

    public AdminFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A provider, image, flavour and plan on a disabled cloud. The cloud ids are the fixture's own, so queries for
     * the demo's desktop or small flavour elsewhere still find only the demo's.
     */
    public record Catalogue(long providerId, String providerName, long imageId, String imageName, long flavourId,
                     long planId) {
    }

    public Catalogue disabledCatalogue() {
        String suffix = suffix();
        String provider = "fixture-" + suffix;
        long providerId = id("insert into cloud_providers (name, type, settings, enabled) values (?, 'local', '{}', "
                + "false) returning id", provider);
        String imageName = "Fixture image " + suffix;
        long imageId = id("""
                insert into images (name, version, provider_id, provider_image_id, default_protocol_id)
                select ?, '1', ?, 'fixture-image', id from protocols where name = 'VNC' returning id""", imageName,
                providerId);
        jdbc.update("insert into image_protocols (image_id, protocol_id) select ?, id from protocols where name = 'VNC'",
                imageId);
        long flavourId = id("""
                insert into flavours (name, cpu, memory_mib, gpu, provider_id, provider_flavour_id)
                values (?, 1, 1024, 0, ?, 'fixture-flavour') returning id""", "Fixture flavour " + suffix, providerId);
        long planId = id("insert into plans (image_id, flavour_id) values (?, ?) returning id", imageId, flavourId);
        return new Catalogue(providerId, provider, imageId, imageName, flavourId, planId);
    }

    /** A person no other test uses, so their instances count against nobody else's quota. */
    public String user() {
        String id = "t-" + suffix();
        jdbc.update("insert into users (id, first_name, last_name, email) values (?, 'Test', ?, ?)", id,
                "Tester" + id, id + "@test.example");
        return id;
    }

    public record Fixture(long id, String uid) {
    }

    public Fixture instance(Catalogue catalogue, String ownerId, String name, String state) {
        String uid = "f" + suffix() + suffix().substring(0, 3);
        long id = id("""
                insert into instances (uid, name, plan_id, provider_id, compute_id, state, screen_width,
                                       screen_height, access_secret, termination_date)
                values (?, ?, ?, ?, ?, ?, 1280, 1024, 'fixture-secret', now() + interval '1 day') returning id""",
                uid, name, catalogue.planId(), catalogue.providerId(), "machine-" + uid, state);
        jdbc.update("insert into instance_members (instance_id, user_id, role) values (?, ?, 'OWNER')", id, ownerId);
        return new Fixture(id, uid);
    }

    public void lifetimeExpiry(long instanceId) {
        jdbc.update("""
                insert into instance_expirations (instance_id, reason, expires_at, warning_sent_at)
                values (?, 'LIFETIME', now() + interval '1 day', now())""", instanceId);
    }

    public long extensionRequest(long instanceId, String requesterId, int days) {
        return id("""
                insert into instance_extension_requests (instance_id, requester_id, comments, requested_until)
                values (?, ?, 'Beamtime was extended', now() + (? * interval '1 day')) returning id""",
                instanceId, requesterId, days);
    }

    public long failedCommand(long instanceId, String message) {
        return id("""
                insert into instance_commands (instance_id, type, state, actor_id, message, attempts, finished_at)
                values (?, 'START', 'FAILED', 'admin', ?, 1, now()) returning id""", instanceId, message);
    }

    public void activeSession(long instanceId) {
        jdbc.update("insert into instance_sessions (instance_id, protocol, connection_id) values (?, 'VNC', ?)",
                instanceId, "conn-" + suffix());
    }

    public void grant(String userId, String role, String source) {
        jdbc.update("insert into user_roles (user_id, role_id, source) select ?, id, ? from roles where name = ?",
                userId, source, role);
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
