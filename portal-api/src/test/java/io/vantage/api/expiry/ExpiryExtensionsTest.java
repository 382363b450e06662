package io.vantage.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.expiry.Extensions;
import io.vantage.api.expiry.ExpirySweep;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LifecyclePortalTest;
import io.vantage.api.testing.TestInstances;

/** The image's extension policy decides: at once, after an admin's approval, or never; capped in any case. */
@LifecyclePortalTest
class ExpiryExtensionsTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedOidcServer oidc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Extensions extensions;
    @Autowired
    ExpirySweep sweep;

    ApiClient rosalind;
    ApiClient lise;

    @BeforeEach
    void setUp() {
        rosalind = as("1001");
        lise = as("2001"); // STAFF
    }

    @Test
    void staffAreExtendedAtOnceUnderStaffAuto() throws Exception {
        String uid = TestInstances.launch(lise, plan("STAFF_AUTO"), List.of("EXP-1"), 24);
        Instant until = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);

        ApiClient.Response accepted = lise.post(requests(uid), Map.of("requestedUntil", until.toString(),
                "comments", "Reduction takes longer than planned"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
        assertThat(accepted.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(terminationDate(uid)).isEqualTo(until);
        Map<String, Object> expiration = expiration(uid);
        assertThat(expiration.get("reason")).isEqualTo("LIFETIME");
        assertThat(((Timestamp) expiration.get("expires_at")).toInstant()).isEqualTo(until);
        assertThat(Instant.parse(lise.get("/api/instances/" + uid).get("expiry").get("at").asText())).isEqualTo(until);
    }

    @Test
    void plainUsersWaitForAnAdminUnderStaffAuto() throws Exception {
        String uid = TestInstances.launch(rosalind, plan("STAFF_AUTO"), List.of("EXP-1"), 24);
        Instant before = terminationDate(uid);
        Instant until = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

        ApiClient.Response pending = rosalind.post(requests(uid), Map.of("requestedUntil", until.toString(),
                "comments", "Second beamtime"));
        assertThat(pending.status()).as(pending.raw()).isEqualTo(202);
        assertThat(pending.get("state").asText()).isEqualTo("PENDING");
        assertThat(terminationDate(uid)).isEqualTo(before);
        assertThat(jdbc.queryForMap("""
                select r.state, r.requester_id, r.comments, r.requested_until from instance_extension_requests r
                join instances i on i.id = r.instance_id where i.uid = ?""", uid))
                .containsEntry("state", "PENDING").containsEntry("requester_id", "1001")
                .containsEntry("comments", "Second beamtime").containsEntry("requested_until", Timestamp.from(until));
        assertThat(rosalind.post(requests(uid), Map.of("requestedUntil", until.toString())).status())
                .as("one waiting request at a time").isEqualTo(409);
        ApiClient.Response oneClick = rosalind.post("/api/instances/" + uid + "/extend", null);
        assertThat(oneClick.status()).isEqualTo(409);
        assertThat(oneClick.get("detail").asText()).contains("approval");

        extensions.approve(pending.get("id").asLong(), "admin", "For the second beamtime");
        assertThat(terminationDate(uid)).isEqualTo(until);
        assertThat(((Timestamp) expiration(uid).get("expires_at")).toInstant()).isEqualTo(until);
        ApiClient.Response history = rosalind.get(requests(uid));
        assertThat(history.body().get(0).get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(history.body().get(0).get("handledBy").asText()).isEqualTo("admin");
    }

    @Test
    void adminApprovalMakesEvenStaffWait() throws Exception {
        String uid = TestInstances.launch(lise, plan("ADMIN_APPROVAL"), List.of("EXP-1"), 24);
        ApiClient.Response pending = lise.post(requests(uid),
                Map.of("requestedUntil", Instant.now().plus(Duration.ofDays(2)).toString()));
        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.get("state").asText()).isEqualTo("PENDING");
    }

    @Test
    void neverIsRefusedWithAReadableReason() throws Exception {
        String uid = TestInstances.launch(rosalind, plan("NEVER"), List.of("EXP-1"), 24);
        ApiClient.Response refused = rosalind.post(requests(uid),
                Map.of("requestedUntil", Instant.now().plus(Duration.ofDays(2)).toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("detail").asText()).contains("cannot be extended").contains("Save your work before");
        assertThat(refused.get("policy").asText()).isEqualTo("NEVER");
        assertThat(rosalind.post("/api/instances/" + uid + "/extend", null).status()).isEqualTo(409);
        assertThat(rosalind.get(requests(uid)).body()).isEmpty();
    }

    @Test
    void oneClickGivesTheOwnersLifetimeCappedAtTheMaximum() throws Exception {
        String uid = TestInstances.launch(rosalind, plan("ALWAYS_AUTO"), List.of("EXP-1"), 24);
        ApiClient.Response extended = rosalind.post("/api/instances/" + uid + "/extend", null);
        assertThat(extended.status()).as(extended.raw()).isEqualTo(200);
        assertThat(terminationDate(uid)).as("a plain user's lifetime: 14 days")
                .isCloseTo(Instant.now().plus(Duration.ofDays(14)), within(2, ChronoUnit.MINUTES));
        jdbc.update("update instances set termination_date = now() + interval '20 days' where uid = ?", uid);
        ApiClient.Response shorter = rosalind.post("/api/instances/" + uid + "/extend", null);
        assertThat(shorter.status()).as("an extension never shortens a life").isEqualTo(409);
        assertThat(terminationDate(uid)).isAfter(Instant.now().plus(Duration.ofDays(19)));

        String staffs = TestInstances.launch(lise, plan("ALWAYS_AUTO"), List.of("EXP-1"), 24);
        assertThat(lise.post("/api/instances/" + staffs + "/extend", null).status()).isEqualTo(200);
        assertThat(terminationDate(staffs)).as("staff live 60 days here, but an extension reaches 30 days at most")
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(2, ChronoUnit.MINUTES));

        ApiClient.Response tooFar = lise.post(requests(staffs),
                Map.of("requestedUntil", Instant.now().plus(Duration.ofDays(31)).toString()));
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.get("errors").findValuesAsString("field")).containsExactly("requestedUntil");
        assertThat(tooFar.get("detail").asText()).contains("at most 30 days");
    }

    @Test
    void anExtensionMakesTheWarningDueAgain() throws Exception {
        String uid = TestInstances.launch(rosalind, plan("ALWAYS_AUTO"), List.of("EXP-1"), 24);
        sweep.sweep();
        assertThat(expiration(uid).get("warning_sent_at")).as("24 hours left: warned").isNotNull();

        assertThat(rosalind.post("/api/instances/" + uid + "/extend", null).status()).isEqualTo(200);
        Map<String, Object> expiration = expiration(uid);
        assertThat(expiration.get("warning_sent_at")).isNull();
        assertThat(expiration.get("reason")).as("now 4 days unused come first").isEqualTo("INACTIVITY");
    }

    @Test
    void whoMayAskAndWhatDatesMakeSense() throws Exception {
        String uid = TestInstances.launch(rosalind, plan("ALWAYS_AUTO"), List.of("EXP-1"), 24);
        rosalind.post("/api/instances/" + uid + "/members", Map.of("userId", "1002", "role", "GUEST"));
        Map<String, Object> inTwoDays = Map.of("requestedUntil", Instant.now().plus(Duration.ofDays(2)).toString());

        assertThat(as("1002").post(requests(uid), inTwoDays).status()).as("guests watch only").isEqualTo(403);
        assertThat(as("9001").post(requests(uid), inTwoDays).status()).isEqualTo(404);
        assertThat(as("1002").get(requests(uid)).status()).as("members see the requests").isEqualTo(200);
        assertThat(lise.get(requests(uid)).status()).as("support staff are not members").isEqualTo(403);

        ApiClient.Response missing = rosalind.post(requests(uid), Map.of("comments", "please"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.get("errors").findValuesAsString("field")).containsExactly("requestedUntil");
        ApiClient.Response past = rosalind.post(requests(uid),
                Map.of("requestedUntil", Instant.now().minus(Duration.ofHours(1)).toString()));
        assertThat(past.get("errors").findValuesAsString("field")).containsExactly("requestedUntil");
        ApiClient.Response shorter = rosalind.post(requests(uid),
                Map.of("requestedUntil", Instant.now().plus(Duration.ofHours(1)).toString()));
        assertThat(shorter.status()).isEqualTo(400);
        assertThat(shorter.get("detail").asText()).contains("later than the current end of life");
    }

    private long plan(String policy) {
        return TestInstances.planWithPolicy(jdbc, policy);
    }

    private Instant terminationDate(String uid) {
        return jdbc.queryForObject("select termination_date from instances where uid = ?", Timestamp.class, uid)
                .toInstant();
    }

    private Map<String, Object> expiration(String uid) {
        return jdbc.queryForMap("""
                select e.* from instance_expirations e join instances i on i.id = e.instance_id where i.uid = ?""", uid);
    }

    private static String requests(String uid) {
        return "/api/instances/" + uid + "/extension-requests";
    }

    private ApiClient as(String userId) {
        return new ApiClient("http://localhost:" + port, oidc, userId);
    }
}
