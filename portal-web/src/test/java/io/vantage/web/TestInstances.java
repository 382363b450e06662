package io.vantage.web;

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
        Long image = jdbc.queryForObject("""
                insert into images (name, version, description, icon, provider_id, provider_image_id,
                                    default_protocol_id, extension_policy)
                select ?, version, description, icon, provider_id, provider_image_id, default_protocol_id, ?
                from images where provider_image_id = 'desktop' and name = 'Analysis desktop'
                returning id""", Long.class, name, policy);
        jdbc.update("""
                insert into image_protocols (image_id, protocol_id)
                select ?, protocol_id from image_protocols ip join images i on i.id = ip.image_id
                where i.name = 'Analysis desktop'""", image);
        return jdbc.queryForObject("""
                insert into plans (image_id, flavour_id) select ?, id from flavours where provider_flavour_id = 'small'
                returning id""", Long.class, image);
    }

    public static long id(JdbcTemplate jdbc, String uid) {
        return jdbc.queryForObject("select id from instances where uid = ?", Long.class, uid);
    }
}
