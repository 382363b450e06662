package io.vantage.api.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.support.Tokens;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LifecyclePortalTest;
import io.vantage.api.testing.MutableClock;
import io.vantage.api.testing.TestInstances;

/** Invitation links: shown once, stored hashed, used once, and only for a while. */
@LifecyclePortalTest
class SharingInvitationsTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedOidcServer oidc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    ApiClient rosalind;
    String uid;

    @BeforeEach
    void launch() throws Exception {
        rosalind = as("1001");
        uid = TestInstances.launch(rosalind, TestInstances.desktopPlan(jdbc), List.of("EXP-1"), null);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFirstPersonToOpenTheLinkBecomesAMember() throws Exception {
        ApiClient.Response created = rosalind.post(invitations(), Map.of("role", "USER"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String url = created.get("url").asText();
        assertThat(url).startsWith("https://vantage.test/portal/invitations/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(created.get("path").asText()).isEqualTo("/invitations/" + token);
        assertThat(Instant.parse(created.get("expiresAt").asText()))
                .as("24 hours unless asked otherwise").isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(1, ChronoUnit.MINUTES));
        assertThat(jdbc.queryForObject("select token_hash from instance_invitations i join instances n "
                + "on n.id = i.instance_id where n.uid = ?", String.class, uid))
                .as("only the hash is kept").isEqualTo(Tokens.sha256(token)).isNotEqualTo(token);

        ApiClient.Response accepted = as("1002").post("/api/invitations/" + token + "/accept", null);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.get("instanceUid").asText()).isEqualTo(uid);
        assertThat(accepted.get("role").asText()).isEqualTo("USER");
        assertThat(as("1002").get("/api/instances/" + uid).get("myRole").asText()).isEqualTo("USER");

        ApiClient.Response again = as("9001").post("/api/invitations/" + token + "/accept", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("detail").asText()).contains("already used");
        assertThat(as("9001").get("/api/instances/" + uid).status()).isEqualTo(404);
        assertThat(jdbc.queryForList("select action from audit_events where target_id = ? and action like "
                + "'instance.invitation.%' order by id", String.class, uid))
                .containsExactly("instance.invitation.create", "instance.invitation.accept");
    }

    @Test
    void twoPeopleOpeningTheLinkAtOnceMakeOneMember() throws Exception {
        String token = token(rosalind.post(invitations(), Map.of("role", "GUEST")));
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = List.of("1002", "9001").stream().map(id -> browsers.submit(() -> {
                go.await();
                return as(id).post("/api/invitations/" + token + "/accept", null).status();
            })).toList();
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            browsers.shutdownNow();
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from instance_members m join instances i on i.id = m.instance_id
                where i.uid = ? and m.user_id in ('1002', '9001')""", Integer.class, uid)).isEqualTo(1);
    }

    @Test
    void anExpiredLinkIsGone() throws Exception {
        String token = token(rosalind.post(invitations(), Map.of("role", "GUEST", "validityHours", 1)));
        clock.advance(Duration.ofMinutes(61));
        ApiClient.Response late = as("1002").post("/api/invitations/" + token + "/accept", null);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.get("detail").asText()).contains("expired");
        assertThat(as("1002").get("/api/instances/" + uid).status()).isEqualTo(404);
    }

    @Test
    void aWrongTokenIsNotFound() throws Exception {
        ApiClient.Response wrong = as("1002").post("/api/invitations/" + Tokens.secret(32) + "/accept", null);
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.get("detail").asText()).contains("not valid");
    }

    @Test
    void aMemberOpeningTheLinkLeavesItForSomeoneElse() throws Exception {
        String token = token(rosalind.post(invitations(), Map.of("role", "GUEST")));
        assertThat(rosalind.post("/api/invitations/" + token + "/accept", null).status()).isEqualTo(409);
        assertThat(as("1002").post("/api/invitations/" + token + "/accept", null).status()).isEqualTo(200);
    }

    @Test
    void onlyTheOwnerInvitesAndForAWeekAtMost() throws Exception {
        ApiClient.Response tooLong = rosalind.post(invitations(), Map.of("role", "USER", "validityHours", 169));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.get("errors").findValuesAsString("field")).containsExactly("validityHours");
        ApiClient.Response owner = rosalind.post(invitations(), Map.of("role", "OWNER"));
        assertThat(owner.get("errors").findValuesAsString("field")).containsExactly("role");
        assertThat(rosalind.post(invitations(), Map.of("role", "GUEST", "validityHours", 168)).status()).isEqualTo(201);

        rosalind.post("/api/instances/" + uid + "/members", Map.of("userId", "1002", "role", "USER"));
        assertThat(as("1002").post(invitations(), Map.of("role", "USER")).status()).isEqualTo(403);
        assertThat(as("9001").post(invitations(), Map.of("role", "USER")).status()).isEqualTo(404);
    }

    private static String token(ApiClient.Response created) {
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String url = created.get("url").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String invitations() {
        return "/api/instances/" + uid + "/invitations";
    }

    private ApiClient as(String userId) {
        return new ApiClient("http://localhost:" + port, oidc, userId);
    }
}
