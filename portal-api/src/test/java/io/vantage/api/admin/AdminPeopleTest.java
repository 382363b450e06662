package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;

/** Role policies, groups and users: who gets what. */
@PortalTest
class AdminPeopleTest extends AdminApiTest {

    static final Map<String, Object> GENEROUS = Map.of("instances", 5, "vcpu", 16, "memoryMib", 65536, "gpu", 1,
            "lifetimeMinutes", 30 * 24 * 60, "inactivityMinutes", 7 * 24 * 60);

    @Test
    void rolePoliciesOverrideTheDefaultUntilReset() throws Exception {
        ApiClient.Response roles = admin.get("/api/admin/roles");
        assertThat(roles.status()).isEqualTo(200);
        assertThat(strings(roles.body(), "name")).contains("ADMIN", "STAFF", "GUEST");

        String group = newGroup();
        String person = fixtures.user();
        assertThat(admin.post("/api/admin/users/" + person + "/roles", Map.of("role", group)).status()).isEqualTo(201);
        assertThat(admin.get("/api/admin/users/" + person).get("effective").get("instances").asInt())
                .as("the configured default").isEqualTo(2);

        ApiClient.Response set = admin.put("/api/admin/roles/" + group + "/policy", GENEROUS);
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.get("holders").asLong()).isEqualTo(1);
        JsonNode policy = set.get("policy");
        assertThat(policy.get("source").asString()).isEqualTo("DATABASE");
        assertThat(policy.get("instances").asInt()).isEqualTo(5);
        assertThat(policy.get("lifetimeMinutes").asLong()).isEqualTo(30 * 24 * 60);
        JsonNode effective = admin.get("/api/admin/users/" + person).get("effective");
        assertThat(effective.get("instances").asInt()).isEqualTo(5);
        assertThat(effective.get("gpu").asInt()).isEqualTo(1);

        ApiClient.Response reset = admin.delete("/api/admin/roles/" + group + "/policy");
        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        assertThat(reset.get("policy").get("source").asString()).isEqualTo("DEFAULT");
        assertThat(admin.get("/api/admin/users/" + person).get("effective").get("instances").asInt()).isEqualTo(2);
        assertThat(audit("role", group)).containsExactly("admin.group.create:SUCCESS",
                "admin.role.policy.set:SUCCESS", "admin.role.policy.reset:SUCCESS");
    }

    @Test
    void invalidPoliciesAreRefusedNamingTheField() throws Exception {
        String group = newGroup();
        Map<String, Object> noLifetime = new java.util.HashMap<>(GENEROUS);
        noLifetime.put("lifetimeMinutes", 0);
        assertFieldError(admin.put("/api/admin/roles/" + group + "/policy", noLifetime), "lifetimeMinutes");
        Map<String, Object> negative = new java.util.HashMap<>(GENEROUS);
        negative.put("vcpu", -1);
        assertFieldError(admin.put("/api/admin/roles/" + group + "/policy", negative), "vcpu");
        assertProblem(admin.put("/api/admin/roles/NO_SUCH_ROLE/policy", GENEROUS), 404);
        assertProblem(admin.get("/api/admin/roles/NO_SUCH_ROLE"), 404);
    }

    @Test
    void groupsAreCreatedAndDeletedOnlyWhenNothingNamesThem() throws Exception {
        assertFieldError(admin.post("/api/admin/groups", Map.of("name", "ADMIN")), "name");
        assertFieldError(admin.post("/api/admin/groups", Map.of("name", "two words")), "name");
        String group = newGroup();
        assertThat(admin.get("/api/admin/roles/" + group).get("kind").asString()).isEqualTo("GROUP");
        assertProblem(admin.post("/api/admin/groups", Map.of("name", group)), 409);

        ApiClient.Response builtIn = admin.delete("/api/admin/groups/STAFF");
        assertProblem(builtIn, 409);
        assertThat(builtIn.get("detail").asString()).contains("built-in");

        long flavour = fixtures.disabledCatalogue().flavourId();
        ApiClient.Response limited = admin.post("/api/admin/flavours/" + flavour + "/limits", Map.of("roleName", group));
        assertThat(limited.status()).as(limited.raw()).isEqualTo(201);
        ApiClient.Response inUse = admin.delete("/api/admin/groups/" + group);
        assertProblem(inUse, 409);
        assertThat(inUse.get("detail").asString()).contains(limited.get("name").asString());

        long limit = limited.get("limits").get(0).get("id").asLong();
        admin.delete("/api/admin/flavours/" + flavour + "/limits/" + limit);
        String holder = fixtures.user();
        admin.post("/api/admin/users/" + holder + "/roles", Map.of("role", group));
        ApiClient.Response deleted = admin.delete("/api/admin/groups/" + group);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.get("holdersRemoved").asLong()).isEqualTo(1);
        assertProblem(admin.get("/api/admin/roles/" + group), 404);
        assertProblem(admin.delete("/api/admin/groups/" + group), 404);
        assertThat(admin.get("/api/admin/users/" + holder).get("roles").size()).isZero();
        assertThat(audit("role", group)).containsExactly("admin.group.create:SUCCESS",
                "admin.group.delete:FAILURE", "admin.group.delete:SUCCESS");
    }

    @Test
    void usersAreFoundByNameEmailOrIdAndPaged() throws Exception {
        assertThat(strings(admin.get("/api/admin/users?q=Franklin").get("items"), "id")).containsExactly("1001");
        assertThat(strings(admin.get("/api/admin/users?q=rosalind.franklin@").get("items"), "id"))
                .containsExactly("1001");
        assertThat(strings(admin.get("/api/admin/users?q=2001").get("items"), "id")).containsExactly("2001");

        ApiClient.Response page = admin.get("/api/admin/users?page=1&size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(6);
        assertFieldError(admin.get("/api/admin/users?size=0"), "size");

        JsonNode lise = admin.get("/api/admin/users/2001").body();
        assertThat(items(lise.get("roles"))).extracting(r -> r.get("role").asString() + ":" + r.get("source").asString())
                .contains("STAFF:PORTAL", "INSTRUMENT_SCIENTIST:PORTAL");
        assertProblem(admin.get("/api/admin/users/nobody-here"), 404);
    }

    @Test
    void portalRolesAreGrantedWithAnExpiryAndRevoked() throws Exception {
        String person = fixtures.user();
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Response granted = admin.post("/api/admin/users/" + person + "/roles",
                Map.of("role", "IT_SUPPORT", "expiresAt", until.toString()));
        assertThat(granted.status()).as(granted.raw()).isEqualTo(201);
        JsonNode grant = granted.get("roles").get(0);
        assertThat(grant.get("role").asString()).isEqualTo("IT_SUPPORT");
        assertThat(grant.get("source").asString()).isEqualTo("PORTAL");
        assertThat(grant.get("grantedBy").asString()).isEqualTo("admin");
        assertThat(Instant.parse(grant.get("expiresAt").asString())).isEqualTo(until);

        assertFieldError(admin.post("/api/admin/users/" + person + "/roles",
                Map.of("role", "STAFF", "expiresAt", Instant.now().minusSeconds(60).toString())), "expiresAt");
        assertFieldError(admin.post("/api/admin/users/" + person + "/roles", Map.of("role", "WIZARD")), "role");
        assertProblem(admin.post("/api/admin/users/nobody-here/roles", Map.of("role", "STAFF")), 404);

        ApiClient.Response revoked = admin.delete("/api/admin/users/" + person + "/roles/IT_SUPPORT");
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.get("roles").size()).isZero();
        assertProblem(admin.delete("/api/admin/users/" + person + "/roles/IT_SUPPORT"), 404);
        assertThat(audit("user", person)).containsExactly("admin.user.role.grant:SUCCESS",
                "admin.user.role.revoke:SUCCESS");
    }

    @Test
    void rolesFromElsewhereAreNotRevokedHere() throws Exception {
        String person = fixtures.user();
        fixtures.grant(person, "STAFF", "USER_OFFICE");
        fixtures.grant(person, "INSTRUMENT_CONTROL", "IDENTITY_PROVIDER");

        ApiClient.Response office = admin.delete("/api/admin/users/" + person + "/roles/STAFF");
        assertProblem(office, 409);
        assertThat(office.get("source").asString()).isEqualTo("USER_OFFICE");
        assertThat(office.get("detail").asString()).contains("user office");
        ApiClient.Response token = admin.delete("/api/admin/users/" + person + "/roles/INSTRUMENT_CONTROL");
        assertProblem(token, 409);
        assertThat(token.get("detail").asString()).contains("identity provider");
        assertProblem(admin.post("/api/admin/users/" + person + "/roles", Map.of("role", "STAFF")), 409);

        assertThat(admin.get("/api/admin/users/" + person).get("roles").size()).as("nothing changed").isEqualTo(2);
        assertThat(audit("user", person)).containsExactly("admin.user.role.revoke:FAILURE",
                "admin.user.role.revoke:FAILURE", "admin.user.role.grant:FAILURE");

        ApiClient.Response self = admin.delete("/api/admin/users/admin/roles/ADMIN");
        assertProblem(self, 409);
        assertThat(admin.get("/api/admin/users/admin").raw()).contains("\"role\":\"ADMIN\"");
    }

    @Test
    void aPerUserQuotaReplacesTheRolesInstanceCount() throws Exception {
        String person = fixtures.user();
        ApiClient.Response set = admin.put("/api/admin/users/" + person + "/quota", Map.of("instanceQuota", 4));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.get("instanceQuota").asInt()).isEqualTo(4);
        assertThat(set.get("effective").get("instances").asInt()).isEqualTo(4);
        assertFieldError(admin.put("/api/admin/users/" + person + "/quota", Map.of("instanceQuota", -1)),
                "instanceQuota");

        ApiClient.Response cleared = admin.put("/api/admin/users/" + person + "/quota",
                Collections.singletonMap("instanceQuota", null));
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.get("instanceQuota").isNull()).isTrue();
        assertThat(cleared.get("effective").get("instances").asInt()).isEqualTo(2);
        assertProblem(admin.put("/api/admin/users/nobody-here/quota", Map.of("instanceQuota", 1)), 404);
        assertThat(audit("user", person)).containsExactly("admin.user.quota:SUCCESS", "admin.user.quota:SUCCESS");
    }

    private String newGroup() throws Exception {
        String name = unique("beamline-team");
        ApiClient.Response created = admin.post("/api/admin/groups", Map.of("name", name, "description", "Test group"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.get("policy").get("source").asString()).isEqualTo("DEFAULT");
        return name;
    }
}
