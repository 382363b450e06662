package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;

/** Images, protocols, flavours with their limits, and plans, as admins manage them. */
@PortalTest
class AdminCatalogueTest extends AdminApiTest {

    @Test
    void protocolsAreListed() throws Exception {
        ApiClient.Response protocols = admin.get("/api/admin/protocols");
        assertThat(protocols.status()).isEqualTo(200);
        assertThat(strings(protocols.body(), "name")).contains("VNC", "JUPYTER", "FILES");
    }

    @Test
    void imagesAreRegisteredFromTheCloudCatalogueAndChanged() throws Exception {
        long local = localProviderId();
        ApiClient.Response offered = admin.get("/api/admin/providers/" + local + "/images");
        assertThat(offered.status()).as(offered.raw()).isEqualTo(200);
        JsonNode desktop = items(offered.body()).stream().filter(i -> i.get("id").asString().equals("desktop"))
                .findFirst().orElseThrow();
        assertThat(desktop.get("registered").asBoolean()).as("the demo registered it").isTrue();

        String name = unique("Hidden desktop");
        ApiClient.Response created = admin.post("/api/admin/images", image(local, "desktop", name));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.get("visible").asBoolean()).isFalse();
        assertThat(created.get("extensionPolicy").asString()).isEqualTo("ADMIN_APPROVAL");
        assertThat(created.body().has("warning")).as("the cloud answered, so nothing was unchecked").isFalse();
        assertThat(strings(admin.get("/api/admin/images").body(), "name")).as("hidden images are listed")
                .contains(name);

        Map<String, Object> changes = image(local, "desktop", name + " v2");
        changes.put("visible", true);
        changes.put("protocolIds", List.of(protocolId("VNC"), protocolId("JUPYTER")));
        changes.put("defaultProtocolId", protocolId("JUPYTER"));
        ApiClient.Response updated = admin.put("/api/admin/images/" + id, changes);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.get("name").asString()).isEqualTo(name + " v2");
        assertThat(updated.get("visible").asBoolean()).isTrue();
        assertThat(strings(updated.get("protocols"), "name")).containsExactly("JUPYTER", "VNC");
        assertThat(updated.get("defaultProtocolId").asLong()).isEqualTo(protocolId("JUPYTER"));

        assertThat(audit("image", id)).containsExactly("admin.image.create:SUCCESS", "admin.image.update:SUCCESS");
    }

    @Test
    void invalidImagesAreRefusedNamingTheField() throws Exception {
        long local = localProviderId();
        assertFieldError(admin.post("/api/admin/images", image(local, "no-such-image", unique("x"))),
                "providerImageId");
        Map<String, Object> noName = image(local, "desktop", null);
        assertFieldError(admin.post("/api/admin/images", noName), "name");
        Map<String, Object> badDefault = image(local, "desktop", unique("x"));
        badDefault.put("defaultProtocolId", protocolId("RDP"));
        assertFieldError(admin.post("/api/admin/images", badDefault), "defaultProtocolId");
        Map<String, Object> filesDefault = image(local, "desktop", unique("x"));
        filesDefault.put("protocolIds", List.of(protocolId("VNC"), protocolId("FILES")));
        filesDefault.put("defaultProtocolId", protocolId("FILES"));
        assertFieldError(admin.post("/api/admin/images", filesDefault), "defaultProtocolId");
        Map<String, Object> badPolicy = image(local, "desktop", unique("x"));
        badPolicy.put("extensionPolicy", "SOMETIMES");
        assertFieldError(admin.post("/api/admin/images", badPolicy), "extensionPolicy");
        assertFieldError(admin.post("/api/admin/images", image(999_999, "desktop", unique("x"))), "providerId");

        assertProblem(admin.get("/api/admin/images/999999"), 404);
        assertProblem(admin.put("/api/admin/images/999999", image(local, "desktop", "x")), 404);
        assertProblem(admin.get("/api/admin/providers/999999/images"), 404);
    }

    @Test
    void deletingAnImageWithdrawsItsPlansAndKeepsLiveInstances() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        AdminFixtures.Fixture live = fixtures.instance(catalogue, fixtures.user(), "analysis", "ACTIVE");

        ApiClient.Response deleted = admin.delete("/api/admin/images/" + catalogue.imageId());
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.get("liveInstances").asLong()).isEqualTo(1);
        assertThat(deleted.get("plansWithdrawn").get(0).asLong()).isEqualTo(catalogue.planId());
        assertThat(deleted.get("message").asString()).contains("keep running");

        assertThat(jdbc.queryForObject("select deleted from plans where id = ?", Boolean.class, catalogue.planId()))
                .isTrue();
        assertThat(jdbc.queryForObject("select state from instances where id = ?", String.class, live.id()))
                .isEqualTo("ACTIVE");
        assertThat(strings(admin.get("/api/admin/images").body(), "name")).doesNotContain(catalogue.imageName());
        assertThat(strings(admin.get("/api/admin/images?includeDeleted=true").body(), "name"))
                .contains(catalogue.imageName());
        assertThat(audit("image", catalogue.imageId())).containsExactly("admin.image.delete:SUCCESS");
    }

    @Test
    void flavoursAreRegisteredResizedLimitedAndDeleted() throws Exception {
        long local = localProviderId();
        ApiClient.Response offered = admin.get("/api/admin/providers/" + local + "/flavours");
        assertThat(offered.status()).as(offered.raw()).isEqualTo(200);
        assertThat(strings(offered.body(), "id")).contains("small", "medium", "large");

        String name = unique("Medium again");
        ApiClient.Response created = admin.post("/api/admin/flavours",
                Map.of("providerId", local, "providerFlavourId", "medium", "name", name));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.get("cpu").asInt()).as("taken from the cloud's flavour").isEqualTo(2);
        assertThat(created.get("memoryMib").asInt()).isEqualTo(4096);
        assertThat(created.get("limits").size()).isZero();

        ApiClient.Response resized = admin.put("/api/admin/flavours/" + id,
                Map.of("name", name, "cpu", 3, "memoryMib", 6144, "gpu", 0));
        assertThat(resized.status()).as(resized.raw()).isEqualTo(200);
        assertThat(resized.get("cpu").asInt()).isEqualTo(3);

        ApiClient.Response byRole = admin.post("/api/admin/flavours/" + id + "/limits", Map.of("roleName", "STAFF"));
        assertThat(byRole.status()).as(byRole.raw()).isEqualTo(201);
        ApiClient.Response byInstrument = admin.post("/api/admin/flavours/" + id + "/limits",
                Map.of("instrumentId", "D22"));
        assertThat(byInstrument.status()).as(byInstrument.raw()).isEqualTo(201);
        List<JsonNode> limits = items(byInstrument.get("limits"));
        assertThat(limits).extracting(l -> l.get("target").asString()).containsExactly("ROLE", "INSTRUMENT");
        assertThat(limits.get(0).get("roleName").asString()).isEqualTo("STAFF");
        assertProblem(admin.post("/api/admin/flavours/" + id + "/limits", Map.of("roleName", "STAFF")), 409);

        long limitId = limits.get(0).get("id").asLong();
        ApiClient.Response removed = admin.delete("/api/admin/flavours/" + id + "/limits/" + limitId);
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(strings(removed.get("limits"), "target")).containsExactly("INSTRUMENT");
        assertProblem(admin.delete("/api/admin/flavours/" + id + "/limits/" + limitId), 404);

        ApiClient.Response deleted = admin.delete("/api/admin/flavours/" + id);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.get("liveInstances").asLong()).isZero();
        assertThat(admin.get("/api/admin/flavours/" + id).get("deleted").asBoolean()).isTrue();

        assertThat(audit("flavour", id)).containsExactly("admin.flavour.create:SUCCESS",
                "admin.flavour.update:SUCCESS", "admin.flavour.limit.add:SUCCESS", "admin.flavour.limit.add:SUCCESS",
                "admin.flavour.limit.remove:SUCCESS", "admin.flavour.delete:SUCCESS");
    }

    @Test
    void invalidFlavoursAndLimitsAreRefusedNamingTheField() throws Exception {
        long local = localProviderId();
        assertFieldError(admin.post("/api/admin/flavours", Map.of("providerId", local, "providerFlavourId", "small",
                "name", unique("x"), "cpu", 0)), "cpu");
        assertFieldError(admin.post("/api/admin/flavours", Map.of("providerId", local, "providerFlavourId", "huge",
                "name", unique("x"))), "providerFlavourId");
        String taken = jdbc.queryForObject("select name from flavours where provider_flavour_id = 'small' "
                + "and provider_id = ? and not deleted limit 1", String.class, local);
        ApiClient.Response duplicate = admin.post("/api/admin/flavours", Map.of("providerId", local,
                "providerFlavourId", "small", "name", taken));
        assertProblem(duplicate, 409);
        assertThat(duplicate.get("field").asString()).isEqualTo("name");

        long flavour = fixtures.disabledCatalogue().flavourId();
        assertFieldError(admin.post("/api/admin/flavours/" + flavour + "/limits", Map.of("roleName", "NOPE")),
                "roleName");
        assertFieldError(admin.post("/api/admin/flavours/" + flavour + "/limits", Map.of("instrumentId", "XX9")),
                "instrumentId");
        assertFieldError(admin.post("/api/admin/flavours/" + flavour + "/limits", Map.of()), "roleName");
        assertProblem(admin.get("/api/admin/flavours/999999"), 404);
        assertProblem(admin.post("/api/admin/flavours/999999/limits", Map.of("roleName", "STAFF")), 404);
    }

    @Test
    void deletingAFlavourInUseSaysWhatHappens() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        fixtures.instance(catalogue, fixtures.user(), "analysis", "STOPPED");

        ApiClient.Response deleted = admin.delete("/api/admin/flavours/" + catalogue.flavourId());
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.get("liveInstances").asLong()).isEqualTo(1);
        assertThat(deleted.get("plansWithdrawn").get(0).asLong()).isEqualTo(catalogue.planId());
        assertThat(deleted.get("message").asString()).contains("1 live instance(s) using it keep running");
    }

    @Test
    void plansPairAnImageWithAFlavourOfTheSameProvider() throws Exception {
        long local = localProviderId();
        long image = admin.post("/api/admin/images", visible(image(local, "notebook", unique("Notebook"))))
                .get("id").asLong();
        long flavour = admin.post("/api/admin/flavours", Map.of("providerId", local, "providerFlavourId", "small",
                "name", unique("Tiny"))).get("id").asLong();

        ApiClient.Response created = admin.post("/api/admin/plans",
                Map.of("imageId", image, "flavourId", flavour, "preset", true));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long plan = created.get("id").asLong();
        assertThat(created.get("preset").asBoolean()).isTrue();
        assertThat(created.get("launchable").asBoolean()).isTrue();
        assertProblem(admin.post("/api/admin/plans", Map.of("imageId", image, "flavourId", flavour)), 409);

        long otherProviderFlavour = fixtures.disabledCatalogue().flavourId();
        assertFieldError(admin.post("/api/admin/plans", Map.of("imageId", image, "flavourId", otherProviderFlavour)),
                "flavourId");
        assertFieldError(admin.post("/api/admin/plans", Map.of("flavourId", flavour)), "imageId");

        ApiClient.Response notPreset = admin.put("/api/admin/plans/" + plan + "/preset", Map.of("preset", false));
        assertThat(notPreset.status()).as(notPreset.raw()).isEqualTo(200);
        assertThat(notPreset.get("preset").asBoolean()).isFalse();

        ApiClient.Response deleted = admin.delete("/api/admin/plans/" + plan);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(items(admin.get("/api/admin/plans").body())).extracting(p -> p.get("id").asLong())
                .doesNotContain(plan);
        assertThat(items(admin.get("/api/admin/plans?includeDeleted=true").body()))
                .filteredOn(p -> p.get("id").asLong() == plan).extracting(p -> p.get("deleted").asBoolean())
                .containsExactly(true);
        assertProblem(admin.delete("/api/admin/plans/999999"), 404);
        assertThat(audit("plan", plan)).containsExactly("admin.plan.create:SUCCESS", "admin.plan.preset:SUCCESS",
                "admin.plan.delete:SUCCESS");
    }

    private Map<String, Object> image(long providerId, String providerImageId, String name) {
        Map<String, Object> image = new HashMap<>();
        image.put("providerId", providerId);
        image.put("providerImageId", providerImageId);
        image.put("name", name);
        image.put("version", "2026.12");
        image.put("description", "For the admin API test");
        image.put("protocolIds", List.of(protocolId("VNC")));
        image.put("defaultProtocolId", protocolId("VNC"));
        image.put("extensionPolicy", "ADMIN_APPROVAL");
        image.put("visible", false);
        return image;
    }

    private static Map<String, Object> visible(Map<String, Object> image) {
        image.put("visible", true);
        return image;
    }
}
