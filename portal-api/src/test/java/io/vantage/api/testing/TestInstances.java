package io.vantage.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** Launches instances through the API for tests that need no running machine behind them. */
public final class TestInstances {

    private TestInstances() {
    }

    /** Launches and returns the uid; the name carries a random part so mails and events can be told apart. */
    public static String launch(ApiClient owner, long planId, List<String> experiments, Integer lifetimeHours)
            throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("planId", planId, "experimentIds", experiments,
                "name", "Test " + UUID.randomUUID().toString().substring(0, 8)));
        if (lifetimeHours != null) {
            body.put("lifetimeHours", lifetimeHours);
        }
        ApiClient.Response launched = owner.post("/api/instances", body);
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        return launched.get("uid").asText();
    }

    /** The demo's own desktop image, small size (the policy copies below share its provider image id). */
    public static long desktopPlan(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select p.id from plans p join images i on i.id = p.image_id join flavours f on f.id = p.flavour_id
                where i.name = 'Analysis desktop' and f.provider_flavour_id = 'small' and not p.deleted""", Long.class);
    }

    /**
     * A plan (the desktop image, small size) whose image has the given extension policy: a copy of the demo
     * desktop image per policy, made once, so tests never change the images other tests launch.
     */
    public static synchronized long planWithPolicy(JdbcTemplate jdbc, String policy) {
        String name = "Desktop (" + policy + ")";
        List<Long> existing = jdbc.queryForList("""
                select p.id from plans p join images i on i.id = p.image_id join flavours f on f.id = p.flavour_id
                where i.name = ? and f.provider_flavour_id = 'small' and not p.deleted""", Long.class, name);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        return planOnACopyOfTheDemoDesktop(jdbc, name, policy);
    }

    /**
     * A plan (small flavour) on a copy of the demo's desktop image on the local cloud, named {@code name}, with the
     * given extension policy (null: the demo image's), so a test's launches never take another test's machines.
     */
    public static long planOnACopyOfTheDemoDesktop(JdbcTemplate jdbc, String name, String policy) {
        // the demo's image: other tests may add images of the same name on clouds of their own
        long demo = jdbc.queryForObject("""
                select min(i.id) from images i join cloud_providers p on p.id = i.provider_id
                where i.provider_image_id = 'desktop' and i.name = 'Analysis desktop' and p.name = 'local'""",
                Long.class);
        Long image = jdbc.queryForObject("""
                insert into images (name, version, description, icon, provider_id, provider_image_id,
                                    default_protocol_id, extension_policy)
                select ?, version, description, icon, provider_id, provider_image_id, default_protocol_id,
                       coalesce(?, extension_policy)
                from images where id = ?
                returning id""", Long.class, name, policy, demo);
        jdbc.update("""
                insert into image_protocols (image_id, protocol_id)
                select ?, protocol_id from image_protocols where image_id = ?""", image, demo);
        return jdbc.queryForObject("""
                insert into plans (image_id, flavour_id)
                select ?, min(f.id) from flavours f join images i on i.provider_id = f.provider_id
                where i.id = ? and f.provider_flavour_id = 'small' and not f.deleted
                returning id""", Long.class, image, demo);
    }

    public static long id(JdbcTemplate jdbc, String uid) {
        return jdbc.queryForObject("select id from instances where uid = ?", Long.class, uid);
    }
}
