package io.vantage.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.cloud.CloudWatch;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.cloud.openstack.StatefulOpenStack;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;

/**
 * The portal on a slow, forgetful OpenStack (a stateful WireMock shaped like Keystone, Nova and Glance): requests
 * never wait on it, and whatever it forgets to answer, no machine is left behind.
 */
@PortalTest
class SlowCloudTest {

    /** Each answer of the slow cloud takes this long; requests to the portal must answer well within it. */
    static final Duration SLOW = Duration.ofSeconds(10);
    /** Well under one cloud call, with room for a busy two-core machine (pages are warmed up first). */
    static final long FAST_MS = 4000;
    static final List<String> PAGES = List.of("/admin", "/admin/providers", "/admin/instances");
    static final List<String> APIS = List.of("/api/admin/overview", "/api/admin/providers",
            "/actuator/health/providers");

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CloudWatch watch;

    ApiClient admin;
    OpenStackFixture openstack;

    @BeforeEach
    void cloud() throws Exception {
        admin = new ApiClient(base(), oidc, "admin");
        openstack = new OpenStackFixture(admin, jdbc);
    }

    @AfterEach
    void close() throws Exception {
        openstack.close();
    }

    @Test
    void launchesAndAdminPagesAnswerFromTheDatabaseWhileEveryCloudCallTakesSeconds() throws Exception {
        openstack.freshLimits(watch);
        ApiClient owner = new ApiClient(base(), oidc, Desktops.scientist(jdbc, "slow-cloud-user", "EXP-1"));
        HttpSession adminPages = new HttpSession(base());
        adminPages.loginThroughEmbeddedProvider("admin", "{\"given_name\":\"Grace\",\"family_name\":\"Hopper\"}");
        for (String page : PAGES) { // first renders compile templates: not what this test measures
            assertThat(adminPages.get(page).statusCode()).isEqualTo(200);
        }
        for (String api : APIS) {
            admin.get(api);
        }
        openstack.cloud.delay(SLOW);
        watch.refresh(openstack.providerId); // a health question now hangs on the cloud

        long started = System.nanoTime();
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", openstack.planId,
                "experimentIds", List.of("EXP-1"), "name", "On a slow cloud"));
        long launchMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        assertThat(launchMs).as("launch answered in %d ms while each cloud call takes %s", launchMs, SLOW)
                .isLessThan(FAST_MS);
        String uid = launched.get("uid").asString();

        for (String page : PAGES) {
            long pageStarted = System.nanoTime();
            HttpResponse<String> html = adminPages.get(page);
            long ms = (System.nanoTime() - pageStarted) / 1_000_000;
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertThat(ms).as("%s answered in %d ms", page, ms).isLessThan(FAST_MS);
        }
        for (String api : APIS) {
            long apiStarted = System.nanoTime();
            ApiClient.Response answer = admin.get(api);
            long ms = (System.nanoTime() - apiStarted) / 1_000_000;
            // the health group answers 503 while some cloud is down (earlier tests' clouds are gone): still an answer
            assertThat(answer.status()).as(api + ": " + answer.raw()).isIn(200, 503);
            assertThat(answer.body()).as(api).isNotNull();
            assertThat(ms).as("%s answered in %d ms", api, ms).isLessThan(FAST_MS);
        }
        assertThat(openstack.cloud.servers()).as("the cloud is still busy with the launch").hasSizeLessThanOrEqualTo(1);
        assertThat(openstack.stateOf(uid)).isEqualTo("BUILDING");

        Desktops.awaitState(owner, uid, "ACTIVE");
        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
        awaitDeleted(uid);
        assertThat(openstack.cloud.servers()).isEmpty();
    }

    @Test
    void aServerWhoseCreateAnswerWasLostIsAdoptedAndNeverDuplicated() throws Exception {
        ApiClient owner = new ApiClient(base(), oidc, Desktops.scientist(jdbc, "lost-answer-user", "EXP-1"));
        openstack.cloud.loseCreateAnswers(1);

        String uid = launch(owner, "Lost answer");
        Desktops.awaitState(owner, uid, "ACTIVE");

        assertThat(openstack.cloud.creates()).as("one server asked for").isEqualTo(1);
        assertThat(openstack.cloud.servers()).extracting(StatefulOpenStack.Server::id)
                .containsExactly(openstack.computeIdOf(uid));
        assertThat(openstack.history(uid)).anySatisfy(h -> assertThat(h).startsWith("CREATE:SUCCEEDED:Adopted"));

        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
        awaitDeleted(uid);
        assertThat(openstack.cloud.servers()).as("the cloud is left clean").isEmpty();
    }

    @Test
    void deletingAnInstanceWhoseCreateOutcomeIsUnknownRemovesItsMachine() throws Exception {
        ApiClient owner = new ApiClient(base(), oidc, Desktops.scientist(jdbc, "unknown-outcome-user", "EXP-1"));
        openstack.cloud.loseCreateAnswers(1);

        String uid = launch(owner, "Unknown outcome");
        await().atMost(Duration.ofSeconds(60)).until(() -> openstack.cloud.servers().size() == 1
                && jdbc.queryForObject("select attempts from instance_commands c join instances i on i.id = "
                + "c.instance_id where i.uid = ? and c.type = 'CREATE'", Integer.class, uid) >= 1
                && "PENDING".equals(jdbc.queryForObject("select c.state from instance_commands c join instances i "
                + "on i.id = c.instance_id where i.uid = ? and c.type = 'CREATE'", String.class, uid)));
        openstack.cloud.unavailable(true); // nor can the retry find out what became of it
        assertThat(openstack.computeIdOf(uid)).isNull();

        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
        openstack.cloud.unavailable(false);
        awaitDeleted(uid);

        assertThat(openstack.cloud.servers()).as("the machine nobody recorded is gone").isEmpty();
        assertThat(openstack.history(uid)).anySatisfy(h -> assertThat(h).startsWith("CREATE:CANCELLED"))
                .anySatisfy(h -> assertThat(h).startsWith("DELETE:SUCCEEDED:Deleted machine ")
                        .endsWith("found by the instance uid"));
    }

    @Test
    void aBurstAtTheEdgeOfTheCloudsLimitsIsNeverAcceptedBeyondThem() throws Exception {
        openstack.cloud.quotas(10, -1, -1);
        for (int i = 0; i < 8; i++) {
            openstack.cloud.addServer("someone-else-" + i, Map.of(), "m1.small", java.time.Instant.now());
        }
        assertThat(openstack.freshLimits(watch).get("limits").get("usedInstances").asInt()).isEqualTo(8);

        List<ApiClient> people = java.util.stream.IntStream.range(0, 4).mapToObj(i -> new ApiClient(base(), oidc,
                Desktops.scientist(jdbc, "burst-user-" + i, "EXP-1"))).toList();
        List<ApiClient.Response> answers = java.util.concurrent.Executors.newFixedThreadPool(4).invokeAll(
                people.stream().map(person -> (java.util.concurrent.Callable<ApiClient.Response>) () ->
                        person.post("/api/instances", Map.of("planId", openstack.planId, "experimentIds",
                                List.of("EXP-1"), "name", "Burst"))).toList())
                .stream().map(future -> {
                    try {
                        return future.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();

        assertThat(answers).filteredOn(a -> a.status() == 202).hasSize(2);
        assertThat(answers).filteredOn(a -> a.status() != 202).hasSize(2).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
            assertThat(refused.get("title").asString()).isEqualTo("Cloud capacity reached");
            assertThat(refused.get("limit").asString()).isEqualTo("instances");
            assertThat(refused.get("detail").asString()).contains("no room for another machine: 10 of 10")
                    .contains("Room is expected").doesNotContain("smaller size");
        });
        List<String> accepted = answers.stream().filter(a -> a.status() == 202).map(a -> a.get("uid").asString())
                .toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.stream()
                .allMatch(uid -> openstack.computeIdOf(uid) != null));
        assertThat(openstack.cloud.servers()).hasSize(10);
        assertThat(openstack.cloud.creates()).isEqualTo(2);

        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == 202) {
                assertThat(people.get(i).delete("/api/instances/" + answers.get(i).get("uid").asString()).status())
                        .isEqualTo(202);
            }
        }
        accepted.forEach(this::awaitDeleted);
        assertThat(openstack.cloud.servers()).as("only the others' servers are left").hasSize(8);
    }

    private String launch(ApiClient owner, String name) throws Exception {
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", openstack.planId,
                "experimentIds", List.of("EXP-1"), "name", name));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        return launched.get("uid").asString();
    }

    private void awaitDeleted(String uid) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> "DELETED".equals(openstack.stateOf(uid)));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
