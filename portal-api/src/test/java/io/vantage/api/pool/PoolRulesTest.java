package io.vantage.api.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.vantage.api.cloud.CloudWatch;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.cloud.api.HandOverRequest;
import io.vantage.cloud.api.PoolSecrets;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.api.cloud.MemoryProviderFactory;

/**
 * Pre-warmed pools on the tests' memory cloud, whose hand-over only records what it was asked: which launch takes a
 * machine and what it is given, refills, capacity and quotas, races, drains, recycling, schedules, and clouds that
 * cannot hand a machine over.
 */
@PortalTest
class PoolRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CloudWatch watch;

    ApiClient admin() {
        return new ApiClient(base(), oidc, "admin");
    }

    ApiClient scientist(String id) {
        return new ApiClient(base(), oidc, Desktops.scientist(jdbc, id, "EXP-1"));
    }

    static Map<String, Object> size(int machines) {
        return Map.of("size", machines);
    }

    @Test
    void aLaunchTakesAReadyMachineHandedOverWithTheOwnersSecretAndThePoolRefills() throws Exception {
        try (MemoryPool cloud = new MemoryPool(admin(), jdbc, true, null)) {
            long plan = cloud.plan();
            assertThat(cloud.setPool(plan, size(2)).status()).isEqualTo(200);
            List<String> pooled = cloud.awaitReady(plan, 2);
            Map<String, String> poolSecrets = Map.of(pooled.get(0), secretOf(pooled.get(0)), pooled.get(1),
                    secretOf(pooled.get(1)));
            hiddenFromEveryone(cloud.admin, scientist("pool-someone"), pooled);

            ApiClient owner = scientist("pool-owner");
            String uid = launch(owner, plan);
            assertThat(pooled).as("the launch took a pool machine").contains(uid);
            Desktops.awaitState(owner, uid, "ACTIVE");

            List<HandOverRequest> asked = MemoryProviderFactory.HAND_OVERS.get(cloud.computeId(uid));
            assertThat(asked).hasSize(1);
            HandOverRequest handOver = asked.get(0);
            assertThat(handOver.metadata().owner()).isEqualTo("pool-owner");
            assertThat(handOver.metadata().experiments()).containsExactly("EXP-1");
            assertThat(handOver.metadata().screenWidth()).isEqualTo(1024);
            assertThat(handOver.metadata().keyboardLayout()).isEqualTo("fr-fr-azerty");
            assertThat(handOver.name()).isEqualTo("From the pool");
            assertThat(handOver.poolSecret()).isEqualTo(poolSecrets.get(uid));
            assertThat(handOver.metadata().secret()).isEqualTo(PoolSecrets.ownerSecret(handOver.poolSecret(),
                    handOver.nonce())).isNotEqualTo(handOver.poolSecret()).isEqualTo(secretOf(uid));
            assertThat(jdbc.queryForMap("select pool_secret, pool_nonce, handed_over_at from instances where uid = ?",
                    uid)).containsEntry("pool_secret", null).containsEntry("pool_nonce", null)
                    .extractingByKey("handed_over_at").isNotNull();
            assertThat(history(uid)).containsSubsequence("CREATE:SUCCEEDED", "HANDOVER:SUCCEEDED");
            // its deletion is planned from the hand-over, as a launch's is (unused for the owner's inactivity time,
            // or at the end of its lifetime if that comes first); waiting machines have none
            assertThat(jdbc.queryForObject("""
                    select e.expires_at > i.handed_over_at and e.expires_at <= i.termination_date
                           and (e.reason = 'LIFETIME') = (e.expires_at = i.termination_date)
                    from instance_expirations e join instances i on i.id = e.instance_id where i.uid = ?""",
                    Boolean.class, uid)).isTrue();
            assertThat(jdbc.queryForObject("""
                    select count(*) from instance_expirations e join instances i on i.id = e.instance_id
                    where i.pooled""", Integer.class)).isZero();
            assertThat(owner.get("/api/instances").body().toString()).contains(uid);
            assertThat(cloud.admin.get("/api/admin/instances?q=" + uid).body().toString()).contains(uid);

            List<String> refilled = cloud.awaitReady(plan, 2);
            assertThat(refilled).doesNotContain(uid).contains(pooled.stream().filter(p -> !p.equals(uid)).findFirst()
                    .orElseThrow());
            hiddenFromEveryone(cloud.admin, owner, refilled);
            assertThat(owner.get("/api/me/quota").body().get("usage").get("instances").asInt()).isEqualTo(1);
            cloud.admin.delete("/api/admin/plans/" + plan + "/pool");
        }
    }

    @Test
    void poolMachinesUseTheCloudsCapacityButNobodysQuotaAndOtherPlansBuild() throws Exception {
        try (MemoryPool cloud = new MemoryPool(admin(), jdbc, true, 3)) {
            long pooledPlan = cloud.plan();
            long otherPlan = cloud.plan();
            cloud.setPool(pooledPlan, size(2));
            List<String> pooled = cloud.awaitReady(pooledPlan, 2);
            cloud.freshLimits(watch);

            ApiClient first = scientist("pool-quota-1");
            jdbc.update("update users set instance_quota = 1 where id = 'pool-quota-1'");
            String built = launch(first, otherPlan);
            assertThat(pooled).doesNotContain(built);
            assertThat(history(built).get(0)).startsWith("CREATE:");
            assertThat(jdbc.queryForObject("select handed_over_at from instances where uid = ?", java.sql.Timestamp.class,
                    built)).isNull();

            ApiClient.Response refused = scientist("pool-quota-2").post("/api/instances", Map.of("planId", otherPlan,
                    "experimentIds", List.of("EXP-1"), "name", "One too many"));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
            assertThat(refused.get("title").asString()).isEqualTo("Cloud capacity reached");
            assertThat(refused.get("detail").asString()).contains("3 of 3 machines in use");
            assertThat(first.get("/api/me/quota").body().get("usage").get("instances").asInt()).isEqualTo(1);
            cloud.admin.delete("/api/admin/plans/" + pooledPlan + "/pool");
        }
    }

    @Test
    void twoLaunchesRacingForTheLastPoolMachineNeverGetTheSameOne() throws Exception {
        try (MemoryPool cloud = new MemoryPool(admin(), jdbc, true, null)) {
            long plan = cloud.plan();
            cloud.setPool(plan, Map.of("size", 1));
            String last = cloud.awaitReady(plan, 1).get(0);
            ApiClient a = scientist("pool-race-a");
            ApiClient b = scientist("pool-race-b");
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Callable<String> launchA = () -> { together.await(); return launch(a, plan); };
                Callable<String> launchB = () -> { together.await(); return launch(b, plan); };
                Future<String> first = threads.submit(launchA);
                Future<String> second = threads.submit(launchB);
                String uidA = first.get();
                String uidB = second.get();
                assertThat(uidA).isNotEqualTo(uidB);
                assertThat(List.of(uidA, uidB)).containsOnlyOnce(last);
                Desktops.awaitState(a, uidA, "ACTIVE");
                Desktops.awaitState(b, uidB, "ACTIVE");
                assertThat(cloud.computeId(uidA)).isNotEqualTo(cloud.computeId(uidB));
                assertThat(jdbc.queryForObject("select count(*) from instances where uid in (?, ?) "
                        + "and handed_over_at is not null", Integer.class, uidA, uidB)).isEqualTo(1);
                assertThat(MemoryProviderFactory.HAND_OVERS.get(cloud.computeId(last))).hasSize(1);
            } finally {
                threads.shutdownNow();
            }
            cloud.admin.delete("/api/admin/plans/" + plan + "/pool");
        }
    }

    @Test
    void aDeletedPlanDrainsItsPoolLeavingNoMachineBehind() throws Exception {
        try (MemoryPool cloud = new MemoryPool(admin(), jdbc, true, null)) {
            long plan = cloud.plan();
            cloud.setPool(plan, size(2));
            List<String> pooled = cloud.awaitReady(plan, 2);
            List<String> machines = pooled.stream().map(cloud::computeId).toList();

            assertThat(cloud.admin.delete("/api/admin/plans/" + plan).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(pooled).allSatisfy(uid -> assertThat(cloud.state(uid)).isEqualTo("DELETED"));
                assertThat(MemoryProviderFactory.MACHINES.get(cloud.name)).doesNotContainKeys(
                        machines.toArray(String[]::new));
            });
            assertThat(jdbc.queryForObject("""
                    select count(*) from instance_deletions d join instances i on i.id = d.instance_id
                    where i.uid in (?, ?)""", Integer.class, pooled.get(0), pooled.get(1)))
                    .as("nobody used them: no cause recorded, nobody told").isZero();
            JsonNode view = cloud.pool(plan);
            assertThat(view.get("unsupported").asString()).contains("cannot be launched");
            assertThat(view.get("machines")).isEmpty();
        }
    }

    @Test
    void machinesIdleLongerThanThePoolAllowsAreReplacedAndASchedulesEndDrainsIt() throws Exception {
        try (MemoryPool cloud = new MemoryPool(admin(), jdbc, true, null)) {
            long plan = cloud.plan();
            cloud.setPool(plan, Map.of("size", 1, "maxIdleMinutes", 5));
            String old = cloud.awaitReady(plan, 1).get(0);
            jdbc.update("update instances set created_at = now() - interval '6 minutes' where uid = ?", old);
            cloud.setPool(plan, Map.of("size", 1, "maxIdleMinutes", 5)); // an admin's change looks at once
            await().atMost(Duration.ofSeconds(60)).until(() -> "DELETED".equals(cloud.state(old)));
            String fresh = cloud.awaitReady(plan, 1).get(0);
            assertThat(fresh).isNotEqualTo(old);
            assertThat(cloud.pool(plan).get("machines").get(0).get("ageSeconds").asLong()).isLessThan(300);

            DayOfWeek notToday = ZonedDateTime.now().getDayOfWeek().plus(3);
            ApiClient.Response offToday = cloud.setPool(plan, Map.of("size", 1, "days",
                    List.of(notToday.name().substring(0, 3))));
            assertThat(offToday.status()).as(offToday.raw()).isEqualTo(200);
            assertThat(offToday.get("target").asInt()).isZero();
            assertThat(offToday.get("schedule").asString()).isEqualTo(notToday.getDisplayName(
                    java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH));
            await().atMost(Duration.ofSeconds(60)).until(() -> "DELETED".equals(cloud.state(fresh)));
            assertThat(cloud.pool(plan).get("machines")).isEmpty();

            ApiClient.Response halfWindow = cloud.setPool(plan, Map.of("size", 1, "from", "08:00"));
            assertThat(halfWindow.status()).isEqualTo(400);
            assertThat(halfWindow.raw()).contains("until").contains("give both the start and the end");
            assertThat(cloud.setPool(plan, Map.of("size", 51)).status()).isEqualTo(400);
            cloud.admin.delete("/api/admin/plans/" + plan + "/pool");
        }
    }

    @Test
    void aCloudThatCannotHandAMachineOverHasNoPools() throws Exception {
        try (MemoryPool cloud = new MemoryPool(admin(), jdbc, false, null)) {
            long plan = cloud.plan();
            ApiClient.Response refused = cloud.setPool(plan, size(2));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
            assertThat(refused.get("detail").asString()).contains("cannot hand a running machine over")
                    .contains("type memory");
            JsonNode listed = java.util.stream.StreamSupport.stream(cloud.admin.get("/api/admin/pools").body()
                    .spliterator(), false).filter(p -> p.get("planId").asLong() == plan).findFirst().orElseThrow();
            assertThat(listed.get("unsupported").asString()).contains("cannot hand a running machine over");
            assertThat(listed.get("configured").asBoolean()).isFalse();
        }
    }

    /** Pool machines appear in nobody's list, and nobody, admins included, can open, ticket or act on them. */
    private void hiddenFromEveryone(ApiClient admin, ApiClient scientist, List<String> pooled) throws Exception {
        for (String uid : pooled) {
            assertThat(admin.get("/api/admin/instances?size=200").raw()).doesNotContain(uid);
            assertThat(admin.get("/api/admin/instances?q=" + uid).body().get("items")).isEmpty();
            assertThat(admin.get("/api/instances").raw()).doesNotContain(uid);
            assertThat(scientist.get("/api/instances").raw()).doesNotContain(uid);
            assertThat(admin.get("/api/instances/" + uid).status()).isEqualTo(404);
            assertThat(admin.get("/api/admin/instances/" + uid).status()).isEqualTo(404);
            assertThat(admin.post("/api/instances/" + uid + "/tickets", Map.of("protocol", "VNC")).status())
                    .isEqualTo(404);
            assertThat(admin.delete("/api/instances/" + uid).status()).isEqualTo(404);
        }
    }

    private static String launch(ApiClient owner, long plan) throws Exception {
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", plan, "experimentIds",
                List.of("EXP-1"), "name", "From the pool", "screenWidth", 1024, "screenHeight", 768,
                "keyboardLayout", "fr-fr-azerty"));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        return launched.get("uid").asString();
    }

    private String secretOf(String uid) {
        return jdbc.queryForObject("select access_secret from instances where uid = ?", String.class, uid);
    }

    private List<String> history(String uid) {
        return jdbc.queryForList("""
                select c.type || ':' || c.state from instance_commands c join instances i on i.id = c.instance_id
                where i.uid = ? order by c.id""", String.class, uid);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
