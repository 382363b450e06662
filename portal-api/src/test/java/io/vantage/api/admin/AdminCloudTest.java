package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;
import io.vantage.api.testing.TestWorkDirs;

/** Cloud providers added at runtime, and the security groups the portal attaches on them. */
@PortalTest
class AdminCloudTest extends AdminApiTest {

    /** Keystone on a port nothing listens on: the provider builds, but the cloud never answers. */
    static final String UNREACHABLE = "http://127.0.0.1:1/v3";

    @Test
    void providersAreListedWithHealthAndWhereTheyComeFrom() throws Exception {
        ApiClient.Response providers = admin.get("/api/admin/providers");
        assertThat(providers.status()).as(providers.raw()).isEqualTo(200);
        JsonNode local = items(providers.body()).stream().filter(p -> p.get("name").asString().equals("local"))
                .findFirst().orElseThrow();
        assertThat(local.get("fromConfiguration").asBoolean()).isTrue();
        assertThat(local.get("loaded").asBoolean()).isTrue();
        assertThat(local.get("settings").isNull()).as("configured settings stay in the configuration").isTrue();
        assertThat(local.get("images").asLong()).isGreaterThanOrEqualTo(2);
        assertProblem(admin.get("/api/admin/providers/999999"), 404);
    }

    @Test
    void aLocalProviderIsAddedTestedChangedDisabledAndDeleted() throws Exception {
        String name = unique("lab");
        Path workDir = TestWorkDirs.create("admin-provider");
        ApiClient.Response created = admin.post("/api/admin/providers", Map.of("name", name, "type", "local",
                "settings", Map.of("work-dir", workDir.toString(), "max-instances", 3)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.get("fromConfiguration").asBoolean()).isFalse();
        assertThat(created.get("settings").get("max-instances").asInt()).isEqualTo(3);

        ApiClient.Response tested = admin.post("/api/admin/providers/" + id + "/test", null);
        assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
        assertThat(tested.get("loaded").asBoolean()).isTrue();
        assertThat(tested.get("images").asInt()).isEqualTo(2);
        assertThat(tested.get("flavours").asInt()).isEqualTo(3);

        ApiClient.Response invalid = admin.put("/api/admin/providers/" + id + "/settings",
                Map.of("settings", Map.of("work-dir", workDir.toString(), "bind-address", "not-an-address")));
        assertFieldError(invalid, "settings.bind-address");
        assertThat(invalid.get("detail").asString()).contains("bind-address");
        ApiClient.Response changed = admin.put("/api/admin/providers/" + id + "/settings",
                Map.of("settings", Map.of("workDir", workDir.toString(), "maxInstances", 5)));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.get("settings").get("max-instances").asInt()).as("stored in the declared form")
                .isEqualTo(5);

        ApiClient.Response disabled = admin.post("/api/admin/providers/" + id + "/disable", null);
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        ApiClient.Response testedDisabled = admin.post("/api/admin/providers/" + id + "/test", null);
        assertThat(testedDisabled.get("loaded").asBoolean()).isFalse();
        assertThat(testedDisabled.get("message").asString()).contains("disabled");
        assertThat(admin.post("/api/admin/providers/" + id + "/enable", null).get("enabled").asBoolean()).isTrue();

        assertThat(admin.delete("/api/admin/providers/" + id).status()).isEqualTo(204);
        assertProblem(admin.get("/api/admin/providers/" + id), 404);
        assertThat(audit("provider", id)).containsExactly("admin.provider.create:SUCCESS",
                "admin.provider.update:SUCCESS", "admin.provider.disable:SUCCESS", "admin.provider.enable:SUCCESS",
                "admin.provider.delete:SUCCESS");
    }

    @Test
    void secretsAreNeverEchoedAndTheMaskKeepsThem() throws Exception {
        String name = unique("openstack");
        ApiClient.Response created = admin.post("/api/admin/providers", Map.of("name", name, "type", "openstack",
                "settings", Map.of("auth-url", UNREACHABLE, "username", "portal", "password", "hunter2-secret",
                        "project-id", "p1")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.get("settings").get("password").asString()).isEqualTo("****");
        assertThat(created.get("settings").get("username").asString()).isEqualTo("portal");
        assertThat(created.raw()).doesNotContain("hunter2");
        assertThat(admin.get("/api/admin/providers").raw()).doesNotContain("hunter2");

        ApiClient.Response changed = admin.put("/api/admin/providers/" + id + "/settings", Map.of("settings",
                Map.of("auth-url", UNREACHABLE, "username", "portal2", "password", "****", "project-id", "p1")));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        String stored = jdbc.queryForObject("select settings::text from cloud_providers where id = ?", String.class, id);
        assertThat(stored).contains("hunter2-secret").contains("portal2");
        assertThat(jdbc.queryForList("select details from audit_events where target_type = 'provider' "
                + "and target_id = ?", String.class, String.valueOf(id))).noneMatch(d -> d.contains("hunter2"));

        ApiClient.Response tested = admin.post("/api/admin/providers/" + id + "/test", null);
        assertThat(tested.get("loaded").asBoolean()).isTrue();
        assertThat(tested.get("up").asBoolean()).isFalse();
        assertProblem(admin.get("/api/admin/providers/" + id + "/images"), 503);

        ApiClient.Response group = admin.post("/api/admin/providers/" + id + "/security-groups",
                Map.of("name", "default"));
        assertThat(group.status()).as(group.raw()).isEqualTo(201);
        assertThat(group.get("warning").asString()).contains("did not answer");

        assertThat(admin.delete("/api/admin/providers/" + id).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from security_groups where provider_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void invalidProvidersAreRefusedNamingTheField() throws Exception {
        ApiClient.Response noAuth = admin.post("/api/admin/providers",
                Map.of("name", unique("os"), "type", "openstack", "settings", Map.of()));
        assertFieldError(noAuth, "settings.auth-url");
        assertThat(noAuth.get("detail").asString()).contains("missing required setting 'auth-url'");
        ApiClient.Response typo = admin.post("/api/admin/providers", Map.of("name", unique("os"), "type", "openstack",
                "settings", Map.of("auth-url", UNREACHABLE, "username", "u", "password", "p", "project-id", "p1",
                        "network-id", "n1")));
        assertFieldError(typo, "settings.network-id");
        assertThat(typo.get("detail").asString()).contains("unknown setting 'network-id'").contains("network-ids");
        ApiClient.Response azure = admin.post("/api/admin/providers", Map.of("name", unique("x"), "type", "azure"));
        assertFieldError(azure, "type");
        assertThat(azure.get("detail").asString()).contains("'azure'").contains("openstack").contains("kubernetes");
        assertFieldError(admin.post("/api/admin/providers", Map.of("name", "Not_Valid", "type", "local")), "name");
        ApiClient.Response taken = admin.post("/api/admin/providers", Map.of("name", "local", "type", "local"));
        assertProblem(taken, 409);
        assertThat(taken.get("field").asString()).isEqualTo("name");
    }

    @Test
    void providersFromTheConfigurationAreReadOnly() throws Exception {
        long local = localProviderId();
        ApiClient.Response edit = admin.put("/api/admin/providers/" + local + "/settings",
                Map.of("settings", Map.of("max-instances", 1)));
        assertProblem(edit, 409);
        assertThat(edit.get("detail").asString()).contains("configuration file");
        assertProblem(admin.post("/api/admin/providers/" + local + "/disable", null), 409);
        assertProblem(admin.delete("/api/admin/providers/" + local), 409);
        assertThat(jdbc.queryForObject("select enabled from cloud_providers where id = ?", Boolean.class, local))
                .isTrue();
        assertThat(audit("provider", local)).containsExactly("admin.provider.update:FAILURE",
                "admin.provider.disable:FAILURE", "admin.provider.delete:FAILURE");
    }

    @Test
    void aProviderInUseIsNotDeleted() throws Exception {
        String name = unique("lab");
        Path workDir = TestWorkDirs.create("admin-provider");
        long id = admin.post("/api/admin/providers", Map.of("name", name, "type", "local",
                "settings", Map.of("workDir", workDir.toString()))).get("id").asLong();
        String imageName = unique("Lab desktop");
        long image = admin.post("/api/admin/images", Map.of("providerId", id, "providerImageId", "desktop",
                "name", imageName, "protocolIds", List.of(protocolId("VNC")))).get("id").asLong();

        ApiClient.Response refused = admin.delete("/api/admin/providers/" + id);
        assertProblem(refused, 409);
        assertThat(refused.get("detail").asString()).contains(imageName);
        assertThat(items(refused.get("usedBy"))).extracting(JsonNode::asString)
                .anyMatch(use -> use.contains(imageName));

        admin.delete("/api/admin/images/" + image);
        assertThat(admin.delete("/api/admin/providers/" + id).status()).as("soft-deleted images go with it")
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from images where id = ?", Long.class, image)).isZero();

        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        fixtures.instance(catalogue, fixtures.user(), "analysis", "ACTIVE");
        ApiClient.Response live = admin.delete("/api/admin/providers/" + catalogue.providerId());
        assertProblem(live, 409);
        assertThat(live.get("detail").asString()).contains("1 live instance(s)");
    }

    @Test
    void securityGroupsWithRules() throws Exception {
        long local = localProviderId();
        String name = unique("sg-beamline");
        ApiClient.Response created = admin.post("/api/admin/providers/" + local + "/security-groups",
                Map.of("name", name));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.get("defaultForAll").asBoolean()).isFalse();
        assertThat(created.get("warning").asString()).as("the local cloud has no security groups")
                .contains("has no security groups");
        assertProblem(admin.post("/api/admin/providers/" + local + "/security-groups", Map.of("name", name)), 409);
        assertThat(admin.get("/api/admin/providers/" + local + "/cloud-security-groups").body().size()).isZero();

        long smallFlavour = jdbc.queryForObject("select id from flavours where provider_id = ? and "
                + "provider_flavour_id = 'small' and not deleted order by id limit 1", Long.class, local);
        String rules = "/api/admin/security-groups/" + id + "/rules";
        assertThat(admin.post(rules, Map.of("target", "ROLE", "roleName", "STAFF")).status()).isEqualTo(201);
        assertThat(admin.post(rules, Map.of("target", "INSTRUMENT", "instrumentId", "D22")).status()).isEqualTo(201);
        ApiClient.Response three = admin.post(rules, Map.of("target", "FLAVOUR", "flavourId", smallFlavour));
        assertThat(three.status()).as(three.raw()).isEqualTo(201);
        assertThat(strings(three.get("rules"), "target")).containsExactly("ROLE", "INSTRUMENT", "FLAVOUR");
        assertThat(three.get("rules").get(0).get("roleName").asString()).isEqualTo("STAFF");

        assertProblem(admin.post(rules, Map.of("target", "ROLE", "roleName", "STAFF")), 409);
        assertFieldError(admin.post(rules, Map.of("target", "ROLE", "roleName", "NOPE")), "roleName");
        assertFieldError(admin.post(rules, Map.of("target", "TEAM")), "target");
        assertFieldError(admin.post(rules, Map.of("target", "FLAVOUR", "flavourId", 999_999)), "flavourId");
        assertFieldError(admin.post(rules, Map.of("target", "FLAVOUR",
                "flavourId", fixtures.disabledCatalogue().flavourId())), "flavourId");

        long ruleId = three.get("rules").get(0).get("id").asLong();
        ApiClient.Response removed = admin.delete(rules + "/" + ruleId);
        assertThat(strings(removed.get("rules"), "target")).containsExactly("INSTRUMENT", "FLAVOUR");
        assertProblem(admin.delete(rules + "/" + ruleId), 404);
        ApiClient.Response forAll = admin.put("/api/admin/security-groups/" + id + "/default",
                Map.of("defaultForAll", true));
        assertThat(forAll.get("defaultForAll").asBoolean()).isTrue();
        assertThat(strings(admin.get("/api/admin/providers/" + local + "/security-groups").body(), "name"))
                .contains(name);

        assertThat(admin.delete("/api/admin/security-groups/" + id).status()).isEqualTo(204);
        assertProblem(admin.delete("/api/admin/security-groups/" + id), 404);
        assertProblem(admin.get("/api/admin/providers/999999/security-groups"), 404);
        assertFieldError(admin.post("/api/admin/providers/" + local + "/security-groups", Map.of("name", "")), "name");
        assertThat(audit("security-group", id)).containsExactly("admin.securitygroup.create:SUCCESS",
                "admin.securitygroup.rule.add:SUCCESS", "admin.securitygroup.rule.add:SUCCESS",
                "admin.securitygroup.rule.add:SUCCESS", "admin.securitygroup.rule.remove:SUCCESS",
                "admin.securitygroup.default:SUCCESS", "admin.securitygroup.delete:SUCCESS");
    }
}
