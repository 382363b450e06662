package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;

/**
 * Data stores through the admin API: bad input is refused naming the field, the credential never comes back, every
 * change is audited without it, one enabled store per scope, and the preview shows what a machine would mount.
 * Stores here apply to an instrument of this test's own, so no other test's instance gets their folders.
 */
@PortalTest
class AdminDataStoreTest extends AdminApiTest {

    String instrument;
    String experiment;

    @BeforeEach
    void instrumentOfItsOwn() {
        instrument = unique("DS");
        experiment = unique("EXP");
        jdbc.update("insert into instruments (id, name) values (?, ?)", instrument, instrument + " instrument");
        jdbc.update("insert into proposals (id, title) values (?, 'Data store test')", experiment + "-P");
        jdbc.update("""
                insert into experiments (id, proposal_id, instrument_id, start_date, end_date)
                values (?, ?, ?, timestamptz '2025-09-03 08:00:00+00', timestamptz '2025-09-05 08:00:00+00')""",
                experiment, experiment + "-P", instrument);
    }

    @Test
    void anNfsStoreIsCreatedPreviewedChangedAndDeletedAndEveryChangeIsAudited() throws Exception {
        Map<String, Object> store = store(unique("cephfs"));
        store.put("kind", "CEPHFS");
        store.put("server", "mon1,mon2");
        store.put("mountOptions", "name=vantage");
        store.put("secret", "AQBfakeCephKey==");
        ApiClient.Response created = admin.post("/api/admin/data-stores", store);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.raw()).doesNotContain("AQBfakeCephKey");
        assertThat(created.get("secretSet").asBoolean()).isTrue();
        assertThat(created.get("rawRule").asString()).isEqualTo("{instrument}/{year}/{proposal}/{experiment}");

        ApiClient.Response preview = admin.get("/api/admin/data-stores/preview?experimentId=" + experiment);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.get("folders").get(0).get("folder").asString()).isEqualTo("~/data/" + experiment);
        assertThat(preview.get("folders").get(0).get("source").asString())
                .isEqualTo("mon1,mon2:/exports/" + instrument + "/2025/" + experiment + "-P/" + experiment);
        assertThat(preview.get("folders").get(1).get("folder").asString()).isEqualTo("~/data/" + experiment + "-P-processed");
        assertThat(preview.get("folders").get(1).get("readOnly").asBoolean()).isFalse();
        assertThat(preview.raw()).doesNotContain("AQBfakeCephKey");

        store.put("kind", "DCACHE_NFS41");
        store.put("server", "dcache-door.example.org");
        store.put("secret", "****");
        ApiClient.Response updated = admin.put("/api/admin/data-stores/" + id, store);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.get("secretSet").asBoolean()).as("**** keeps the credential").isTrue();
        ApiClient.Response dcache = admin.get("/api/admin/data-stores/preview?experimentId=" + experiment);
        assertThat(dcache.get("folders").get(0).get("kind").asString()).isEqualTo("NFS");
        assertThat(dcache.get("folders").get(0).get("options").asString()).isEqualTo("vers=4.1,name=vantage");
        store.put("secret", "");
        assertThat(admin.put("/api/admin/data-stores/" + id, store).get("secretSet").asBoolean()).isFalse();

        assertThat(admin.delete("/api/admin/data-stores/" + id).status()).isEqualTo(204);
        assertProblem(admin.get("/api/admin/data-stores/" + id), 404);
        assertThat(audit("data-store", id)).containsExactly("admin.data-store.create:SUCCESS",
                "admin.data-store.update:SUCCESS", "admin.data-store.update:SUCCESS", "admin.data-store.delete:SUCCESS");
        assertThat(jdbc.queryForList("select details from audit_events where target_type = 'data-store' and target_id = ?",
                String.class, String.valueOf(id))).noneMatch(details -> details.contains("AQBfakeCephKey"))
                .anyMatch(details -> details.contains("credential removed"));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        assertFieldError(post(Map.of("rootPath", "exports")), "rootPath");
        assertFieldError(post(Map.of("rootPath", "/exports/../etc")), "rootPath");
        assertFieldError(post(Map.of("rawRule", "{instrument}/{user}")), "rawRule");
        assertFieldError(post(Map.of("rawRule", "../{experiment}")), "rawRule");
        assertFieldError(post(Map.of("processedRule", "processed/{experiment}")), "processedRule");
        assertFieldError(post(Map.of("kind", "SMB")), "kind");
        assertFieldError(post(Map.of("server", "")), "server");
        assertFieldError(post(Map.of("server", "nfs:/x")), "server");
        assertFieldError(post(Map.of("mountOptions", "vers=4.1, rw")), "mountOptions");
        assertFieldError(post(Map.of("instrumentId", "NO-SUCH-INSTRUMENT")), "instrumentId");
        assertFieldError(post(Map.of("providerId", 999999)), "providerId");
        assertFieldError(post(Map.of("name", "has space")), "name");

        String name = unique("first");
        assertThat(post(Map.of("name", name)).status()).isEqualTo(201);
        assertFieldError(post(Map.of("name", name.toUpperCase())), "name");
        ApiClient.Response sameScope = post(Map.of("name", unique("second")));
        assertFieldError(sameScope, "instrumentId");
        assertThat(sameScope.get("detail").asString()).contains(name).contains("already applies to " + instrument);
        assertThat(post(Map.of("name", unique("disabled"), "enabled", false)).status())
                .as("a disabled store in the same scope is fine").isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where target_type = 'data-store' "
                + "and action = 'admin.data-store.create' and details like ?", Integer.class, "%" + instrument + "%"))
                .isEqualTo(2);
        assertThat(user.get("/api/admin/data-stores").status()).isEqualTo(403);
    }

    private ApiClient.Response post(Map<String, Object> changes) throws Exception {
        Map<String, Object> store = store(unique("nfs"));
        store.putAll(changes);
        return admin.post("/api/admin/data-stores", store);
    }

    private Map<String, Object> store(String name) {
        Map<String, Object> store = new HashMap<>(Map.of("name", name, "instrumentId", instrument, "kind", "NFS",
                "server", "nfs.example.org", "rootPath", "/exports", "processedRule", "processed/{proposal}"));
        return store;
    }
}
