package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;

/** Every instance, extension requests, orphan cleanup, the audit log and the dashboard. */
@PortalTest
class AdminOperationsTest extends AdminApiTest {

    @Test
    void allInstancesAreSearchedByStateProviderAndText() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        String owner = fixtures.user();
        String name = unique("Tomography");
        AdminFixtures.Fixture active = fixtures.instance(catalogue, owner, name + " A", "ACTIVE");
        AdminFixtures.Fixture stopped = fixtures.instance(catalogue, owner, name + " B", "STOPPED");

        ApiClient.Response onProvider = admin.get("/api/admin/instances?providerId=" + catalogue.providerId());
        assertThat(onProvider.status()).as(onProvider.raw()).isEqualTo(200);
        assertThat(onProvider.get("total").asLong()).isEqualTo(2);
        JsonNode first = onProvider.get("items").get(0);
        assertThat(first.get("uid").asString()).as("newest first").isEqualTo(stopped.uid());
        assertThat(first.get("owner").get("id").asString()).isEqualTo(owner);
        assertThat(first.get("plan").get("image").asString()).isEqualTo(catalogue.imageName());
        assertThat(first.get("provider").get("name").asString()).isEqualTo(catalogue.providerName());
        assertThat(first.get("terminationDate").isNull()).isFalse();

        assertThat(strings(admin.get("/api/admin/instances?state=stopped&providerId=" + catalogue.providerId())
                .get("items"), "uid")).containsExactly(stopped.uid());
        assertThat(strings(admin.get("/api/admin/instances?q=" + name.substring(11)).get("items"), "uid"))
                .containsExactly(stopped.uid(), active.uid());
        assertThat(strings(admin.get("/api/admin/instances?q=" + owner).get("items"), "uid"))
                .containsExactly(stopped.uid(), active.uid());
        assertThat(admin.get("/api/admin/instances?size=1&providerId=" + catalogue.providerId()).get("items").size())
                .isEqualTo(1);
        assertFieldError(admin.get("/api/admin/instances?state=SLEEPING"), "state");
        assertThat(admin.get("/api/admin/instances/" + active.uid()).get("state").asString()).isEqualTo("ACTIVE");
        assertProblem(admin.get("/api/admin/instances/nosuchuid"), 404);
    }

    @Test
    void pagesOfInstancesCreatedInTheSameInstantNeitherOverlapNorSkipAny() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        String owner = fixtures.user();
        java.util.Set<String> created = new java.util.HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(fixtures.instance(catalogue, owner, "Batch " + i, "ACTIVE").uid());
        }
        jdbc.update("update instances set created_at = ? where provider_id = ?",
                Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)), catalogue.providerId());

        java.util.List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 4; page++) {
            paged.addAll(strings(admin.get("/api/admin/instances?size=2&page=" + page + "&providerId="
                    + catalogue.providerId()).get("items"), "uid"));
        }

        assertThat(paged).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    /** Each action on its own instance: the worker fails their commands (the cloud is disabled) meanwhile. */
    @Test
    void adminsActOnAnyonesInstanceThroughTheCommandQueue() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        AdminFixtures.Fixture running = fixtures.instance(catalogue, fixtures.user(), "Reduction", "ACTIVE");
        AdminFixtures.Fixture syncMe = fixtures.instance(catalogue, fixtures.user(), "Fitting", "STOPPED");
        AdminFixtures.Fixture deleteMe = fixtures.instance(catalogue, fixtures.user(), "Old fitting", "STOPPED");

        ApiClient.Response stop = admin.post("/api/admin/instances/" + running.uid() + "/stop", null);
        assertThat(stop.status()).as(stop.raw()).isEqualTo(202);
        assertThat(stop.get("state").asString()).isEqualTo("STOPPING");
        assertProblem(admin.post("/api/admin/instances/" + running.uid() + "/start", null), 409);
        ApiClient.Response sync = admin.post("/api/admin/instances/" + syncMe.uid() + "/sync", null);
        assertThat(sync.status()).as(sync.raw()).isEqualTo(202);
        ApiClient.Response delete = admin.delete("/api/admin/instances/" + deleteMe.uid());
        assertThat(delete.status()).as(delete.raw()).isEqualTo(202);
        assertThat(delete.get("state").asString()).isEqualTo("DELETING");
        assertProblem(admin.post("/api/admin/instances/nosuchuid/reboot", null), 404);
        assertProblem(admin.post("/api/admin/instances/nosuchuid/sync", null), 404);

        assertThat(commands(running)).containsExactly("STOP:admin");
        assertThat(commands(syncMe)).containsExactly("SYNC:admin");
        assertThat(commands(deleteMe)).containsExactly("DELETE:admin");
        assertThat(audit("instance", running.uid())).containsExactly("instance.stop:SUCCESS");
        assertThat(audit("instance", syncMe.uid())).containsExactly("admin.instance.sync:SUCCESS");
        assertThat(audit("instance", deleteMe.uid())).containsExactly("instance.delete:SUCCESS");
    }

    private java.util.List<String> commands(AdminFixtures.Fixture instance) {
        return jdbc.queryForList("select type || ':' || actor_id from instance_commands where instance_id = ? "
                + "order by id", String.class, instance.id());
    }

    @Test
    void terminationDatesAreExtendedToAGivenDate() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        AdminFixtures.Fixture instance = fixtures.instance(catalogue, fixtures.user(), "Long scan", "ACTIVE");
        fixtures.lifetimeExpiry(instance.id());
        // two days: before its owner's four days of inactivity, so the end of its lifetime is what comes next
        Instant until = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        ApiClient.Response extended = admin.post("/api/admin/instances/" + instance.uid() + "/extend",
                Map.of("terminationDate", until.toString()));
        assertThat(extended.status()).as(extended.raw()).isEqualTo(200);
        assertThat(Instant.parse(extended.get("terminationDate").asString())).isEqualTo(until);
        assertThat(Instant.parse(extended.get("expiry").get("at").asString())).isEqualTo(until);
        assertThat(jdbc.queryForObject("select warning_sent_at from instance_expirations where instance_id = ?",
                Timestamp.class, instance.id())).as("a later date means a new warning").isNull();

        assertFieldError(admin.post("/api/admin/instances/" + instance.uid() + "/extend",
                Map.of("terminationDate", Instant.now().minusSeconds(60).toString())), "terminationDate");
        assertFieldError(admin.post("/api/admin/instances/" + instance.uid() + "/extend", Map.of()),
                "terminationDate");
        assertProblem(admin.post("/api/admin/instances/nosuchuid/extend", Map.of("terminationDate", until.toString())),
                404);
        assertThat(audit("instance", instance.uid())).containsExactly("admin.instance.extend:SUCCESS");
    }

    @Test
    void extensionRequestsAreApprovedOrRefused() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        String owner = fixtures.user();
        AdminFixtures.Fixture instance = fixtures.instance(catalogue, owner, "Kinetics", "ACTIVE");
        long approveMe = fixtures.extensionRequest(instance.id(), owner, 20);
        long refuseMe = fixtures.extensionRequest(instance.id(), owner, 40);

        ApiClient.Response pending = admin.get("/api/admin/extension-requests");
        assertThat(pending.status()).as(pending.raw()).isEqualTo(200);
        JsonNode listed = items(pending.body()).stream().filter(r -> r.get("id").asLong() == approveMe).findFirst()
                .orElseThrow();
        assertThat(listed.get("instanceUid").asString()).isEqualTo(instance.uid());
        assertThat(listed.get("requesterId").asString()).isEqualTo(owner);
        Instant requested = Instant.parse(listed.get("requestedUntil").asString());

        ApiClient.Response approved = admin.post("/api/admin/extension-requests/" + approveMe + "/approve",
                Map.of("comment", "Enjoy"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(approved.get("handledBy").asString()).isEqualTo("admin");
        assertThat(Instant.parse(approved.get("currentTerminationDate").asString())).isEqualTo(requested);
        assertThat(jdbc.queryForObject("select termination_date from instances where id = ?", Timestamp.class,
                instance.id()).toInstant()).isEqualTo(requested);
        assertProblem(admin.post("/api/admin/extension-requests/" + approveMe + "/approve", Map.of()), 409);

        assertFieldError(admin.post("/api/admin/extension-requests/" + refuseMe + "/refuse", Map.of()), "comment");
        ApiClient.Response refused = admin.post("/api/admin/extension-requests/" + refuseMe + "/refuse",
                Map.of("comment", "Forty days is too long for this image"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(200);
        assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
        assertThat(Instant.parse(refused.get("currentTerminationDate").asString())).as("unchanged").isEqualTo(requested);

        assertThat(strings(admin.get("/api/admin/extension-requests?state=refused").body(), "id"))
                .contains(String.valueOf(refuseMe));
        assertThat(items(admin.get("/api/admin/extension-requests").body())).extracting(r -> r.get("id").asLong())
                .doesNotContain(approveMe, refuseMe);
        assertFieldError(admin.get("/api/admin/extension-requests?state=MAYBE"), "state");
        assertProblem(admin.post("/api/admin/extension-requests/999999/approve", Map.of()), 404);
        assertThat(audit("extension-request", approveMe)).containsExactly("admin.extension.approve:SUCCESS",
                "admin.extension.approve:FAILURE");
        assertThat(audit("extension-request", refuseMe)).containsExactly("admin.extension.refuse:SUCCESS");
    }

    @Test
    void orphanCleanupLeavesLiveMachinesAlone() throws Exception {
        ApiClient.Response cleaned = admin.post("/api/admin/orphans/cleanup", null);
        assertThat(cleaned.status()).as(cleaned.raw()).isEqualTo(200);
        assertThat(cleaned.get("deleted").isArray()).isTrue();
        assertThat(cleaned.get("deleted").size()).as("no machine here lacks its instance").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'admin.orphans.cleanup' "
                + "and actor_id = 'admin'", Long.class)).isPositive();
    }

    @Test
    void theAuditLogIsSearchedAndPaged() throws Exception {
        String person = fixtures.user();
        admin.put("/api/admin/users/" + person + "/quota", Map.of("instanceQuota", 1));
        admin.put("/api/admin/users/" + person + "/quota", Map.of("instanceQuota", 3));

        ApiClient.Response found = admin.get("/api/admin/audit?actor=admin&action=admin.user.quota&targetId=" + person);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.get("total").asLong()).isEqualTo(2);
        assertThat(strings(found.get("items"), "details")).as("newest first")
                .containsExactly("instance quota 3", "instance quota 1");
        ApiClient.Response paged = admin.get("/api/admin/audit?targetType=user&targetId=" + person + "&size=1&page=1");
        assertThat(strings(paged.get("items"), "details")).containsExactly("instance quota 1");
        String from = Instant.now().plusSeconds(3600).toString();
        assertThat(admin.get("/api/admin/audit?targetId=" + person + "&from=" + from).get("total").asLong()).isZero();

        assertFieldError(admin.get("/api/admin/audit?from=yesterday"), "from");
        assertFieldError(admin.get("/api/admin/audit?size=500"), "size");
    }

    @Test
    void theOverviewCountsLiveInstancesAndShowsRecentTrouble() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        AdminFixtures.Fixture active = fixtures.instance(catalogue, fixtures.user(), "Dashboard A", "ACTIVE");
        fixtures.instance(catalogue, fixtures.user(), "Dashboard B", "ERROR");
        fixtures.instance(catalogue, fixtures.user(), "Dashboard C", "DELETED");
        fixtures.activeSession(active.id());
        String failure = unique("The cloud refused to start it");
        fixtures.failedCommand(active.id(), failure);

        ApiClient.Response overview = admin.get("/api/admin/overview");
        assertThat(overview.status()).as(overview.raw()).isEqualTo(200);
        assertThat(overview.get("instancesByProvider").get(catalogue.providerName()).asLong())
                .as("deleted instances are not counted").isEqualTo(2);
        assertThat(overview.get("instancesByImage").get(catalogue.imageName() + " 1").asLong()).isEqualTo(2);
        assertThat(overview.get("instancesByState").get("ERROR").asLong()).isPositive();
        assertThat(overview.get("activeSessions").asLong()).isPositive();
        assertThat(strings(overview.get("recentLaunches"), "uid")).contains(active.uid());
        assertThat(strings(overview.get("recentFailures"), "message")).contains(failure);
        assertThat(strings(overview.get("providers"), "name")).contains("local", catalogue.providerName());
    }
}
