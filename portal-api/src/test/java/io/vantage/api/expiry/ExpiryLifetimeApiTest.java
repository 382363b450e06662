package io.vantage.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.expiry.DeletionMails;
import io.vantage.api.expiry.ExpirySweep;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LifecyclePortalTest;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.testing.Mails;
import io.vantage.api.testing.MutableClock;
import io.vantage.api.testing.TestInstances;
import io.vantage.api.testing.TestMail;

/**
 * An instance's lifetime through the API: what each person may do about a warning, "I'm still here", warning leads
 * per role and per image, why a deletion happened and who is told, and an admin's answer by e-mail.
 */
@LifecyclePortalTest
class ExpiryLifetimeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedOidcServer oidc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ExpirySweep sweep;
    @Autowired
    DeletionMails deletionMails;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachPersonSeesTheWarningWithTheOneThingTheyMayDo() throws Exception {
        ApiClient rosalind = as("1001");
        String auto = TestInstances.launch(rosalind, TestInstances.planWithPolicy(jdbc, "ALWAYS_AUTO"), List.of("EXP-1"), 72);
        String approval = TestInstances.launch(rosalind, TestInstances.planWithPolicy(jdbc, "ADMIN_APPROVAL"),
                List.of("EXP-1"), 72);
        rosalind.post("/api/instances/" + auto + "/members", Map.of("userId", "1002", "role", "GUEST"));

        var lifetime = rosalind.get("/api/instances/" + auto + "/lifetime");
        assertThat(lifetime.get("reason").asText()).isEqualTo("LIFETIME");
        Instant deletionAt = Instant.parse(lifetime.get("deletionAt").asText());
        assertThat(Instant.parse(lifetime.get("warnFrom").asText())).as("48 hours before")
                .isEqualTo(deletionAt.minus(Duration.ofHours(48)));
        assertThat(lifetime.get("warning").asBoolean()).isFalse();
        assertThat(lifetime.get("action").asText()).isEqualTo("EXTEND");

        clock.advance(Duration.ofHours(25));
        assertThat(rosalind.get("/api/instances/" + auto + "/lifetime").get("warning").asBoolean()).isTrue();
        var guests = as("1002").get("/api/instances/" + auto + "/lifetime");
        assertThat(guests.get("warning").asBoolean()).isTrue();
        assertThat(guests.get("action").asText()).as("guests watch").isEqualTo("NONE");
        assertThat(guests.get("suggestedUntil").isNull()).isTrue();

        assertThat(rosalind.get("/api/instances/" + approval + "/lifetime").get("action").asText()).isEqualTo("ASK");
        var suggested = rosalind.get("/api/instances/" + approval + "/lifetime").get("suggestedUntil").asText();
        assertThat(rosalind.post("/api/instances/" + approval + "/extension-requests",
                Map.of("requestedUntil", suggested, "comments", "Beamtime moved")).status()).isEqualTo(202);
        var asked = rosalind.get("/api/instances/" + approval + "/lifetime");
        assertThat(asked.get("action").asText()).isEqualTo("PENDING");
        assertThat(asked.get("pending").get("comments").asText()).isEqualTo("Beamtime moved");
        var supports = as("3001").get("/api/instances/" + approval + "/lifetime");
        assertThat(supports.get("warning").asBoolean()).as("support staff see the instance's warning").isTrue();
        assertThat(supports.get("pending").isNull()).as("but not its members' requests").isTrue();
        assertThat(supports.get("action").asText()).isEqualTo("NONE");
    }

    @Test
    void stillHereStartsTheInactivityClockAgainAndTellsOpenPages() throws Exception {
        ApiClient rosalind = as("1001");
        String uid = TestInstances.launch(rosalind, TestInstances.desktopPlan(jdbc), List.of("EXP-1"), null);
        clock.advance(Duration.ofDays(3).plusHours(1));
        sweep.sweep();
        assertThat(warningSentAt(uid)).isNotNull();
        var warned = rosalind.get("/api/instances/" + uid + "/lifetime");
        assertThat(warned.get("reason").asText()).isEqualTo("INACTIVITY");
        assertThat(warned.get("action").asText()).isEqualTo("STILL_HERE");

        try (LiveEventsClient browser = new LiveEventsClient("http://localhost:" + port, rosalind)) {
            var here = rosalind.post("/api/instances/" + uid + "/still-here", null);
            assertThat(here.status()).as(here.raw()).isEqualTo(200);
            assertThat(Instant.parse(here.get("deletionAt").asText()))
                    .isCloseTo(clock.instant().plus(Duration.ofDays(4)), within(1, ChronoUnit.MINUTES));
            assertThat(here.get("warning").asBoolean()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.of("lifetime", uid).isEmpty());
            assertThat(browser.of("lifetime", uid).get(0).data()).contains("\"still-here\"");
        }
        assertThat(warningSentAt(uid)).as("the next deadline gets its own warning").isNull();
        assertThat(jdbc.queryForObject("select last_interaction_at from instances where uid = ?", Timestamp.class, uid)
                .toInstant()).isCloseTo(clock.instant(), within(1, ChronoUnit.MINUTES));
        assertThat(as("9001").post("/api/instances/" + uid + "/still-here", null).status()).isEqualTo(404);
    }

    @Test
    void anImagesLeadWinsOverTheOwnersRolesWhichWinOverTheConfiguration() throws Exception {
        ApiClient admin = as("admin");
        ApiClient lise = as("2001"); // STAFF
        long plan = TestInstances.planWithPolicy(jdbc, "NEVER");
        long image = jdbc.queryForObject("select image_id from plans where id = ?", Long.class, plan);
        try {
            assertThat(admin.put("/api/admin/expiry/warnings/roles/STAFF", Map.of("lifetimeWarningMinutes", 100 * 60))
                    .status()).isEqualTo(200);
            String byRole = TestInstances.launch(lise, TestInstances.desktopPlan(jdbc), List.of("EXP-1"), 72);
            assertThat(warnFrom(lise, byRole)).as("STAFF: 100 hours before").isEqualTo(deletionAt(lise, byRole)
                    .minus(Duration.ofHours(100)));

            assertThat(admin.put("/api/admin/expiry/warnings/images/" + image, Map.of("lifetimeWarningMinutes", 60))
                    .status()).isEqualTo(200);
            String byImage = TestInstances.launch(lise, plan, List.of("EXP-1"), 72);
            assertThat(warnFrom(lise, byImage)).as("the image: 1 hour before").isEqualTo(deletionAt(lise, byImage)
                    .minus(Duration.ofHours(1)));
            sweep.sweep();
            assertThat(warningSentAt(byRole)).as("already inside its 100 hours").isNotNull();
            assertThat(warningSentAt(byImage)).isNull();

            var overview = admin.get("/api/admin/expiry/warnings");
            assertThat(overview.get("configured").get("lifetimeWarningMinutes").asInt()).isEqualTo(48 * 60);
            assertThat(overview.get("roles").findValues("role").stream().map(n -> n.asText()).toList()).contains("STAFF");
            var tooShort = admin.put("/api/admin/expiry/warnings/roles/STAFF", Map.of("inactivityWarningMinutes", 0));
            assertThat(tooShort.status()).isEqualTo(400);
            assertThat(tooShort.get("errors").findValuesAsString("field")).containsExactly("inactivityWarningMinutes");
            assertThat(admin.put("/api/admin/expiry/warnings/roles/NO_SUCH_ROLE", Map.of()).status()).isEqualTo(404);
        } finally {
            admin.delete("/api/admin/expiry/warnings/roles/STAFF");
            admin.delete("/api/admin/expiry/warnings/images/" + image);
        }
    }

    @Test
    void aDeletionKeepsWhyAndTellsTheOtherMembersOnce() throws Exception {
        ApiClient rosalind = as("1001");
        String uid = TestInstances.launch(rosalind, TestInstances.planWithPolicy(jdbc, "ADMIN_APPROVAL"), List.of("EXP-1"), 24);
        rosalind.post("/api/instances/" + uid + "/members", Map.of("userId", "1002", "role", "USER"));
        rosalind.post("/api/instances/" + uid + "/extension-requests", Map.of("requestedUntil",
                Instant.now().plus(Duration.ofDays(3)).toString(), "comments", "More time"));

        assertThat(rosalind.delete("/api/instances/" + uid).status()).isEqualTo(202);
        assertThat(jdbc.queryForMap("""
                select d.cause, d.actor_id, d.mailed_at from instance_deletions d join instances i on i.id = d.instance_id
                where i.uid = ?""", uid)).containsEntry("cause", "MEMBER").containsEntry("actor_id", "1001")
                .containsEntry("mailed_at", null);
        assertThat(jdbc.queryForObject("""
                select r.state || ': ' || r.handler_comments from instance_extension_requests r
                join instances i on i.id = r.instance_id where i.uid = ?""", String.class, uid))
                .as("admins are not left a request about a deleted instance").isEqualTo("REFUSED: The instance was deleted");
        assertThat(deletionMails.sendDue()).as("not deleted in the cloud yet: nothing to tell").isZero();

        // this portal has no cloud workers: the cloud's answer is played here
        jdbc.update("update instances set state = 'DELETED', deleted_at = now() where uid = ?", uid);
        deletionMails.sendDue();
        deletionMails.sendDue();
        List<MimeMessage> told = TestMail.mentioning("https://vantage.test/portal/instances/" + uid).stream()
                .filter(m -> Mails.subject(m).endsWith("was deleted")).toList();
        assertThat(TestMail.recipients(told)).as("the member, not the owner who deleted it, once")
                .containsExactly("dorothy.hodgkin@tum.example");
        assertThat(Mails.plain(told.get(0))).contains("Rosalind Franklin deleted it.").doesNotContain("[(");
        var ended = rosalind.get("/api/instances/" + uid + "/lifetime").get("ended");
        assertThat(ended.get("cause").asText()).isEqualTo("MEMBER");
        assertThat(ended.get("actorName").asText()).isEqualTo("Rosalind Franklin");
    }

    @Test
    void aRefusalReachesTheRequesterByMailWithTheAdminsReason() throws Exception {
        ApiClient rosalind = as("1001");
        String uid = TestInstances.launch(rosalind, TestInstances.planWithPolicy(jdbc, "ADMIN_APPROVAL"), List.of("EXP-1"), 24);
        var asked = rosalind.post("/api/instances/" + uid + "/extension-requests", Map.of("requestedUntil",
                Instant.now().plus(Duration.ofDays(3)).toString(), "comments", "More time"));
        try (LiveEventsClient adminsBrowser = new LiveEventsClient("http://localhost:" + port, as("admin"))) {
            var refused = as("admin").post("/api/admin/extension-requests/" + asked.get("id").asLong() + "/refuse",
                    Map.of("comment", "The image is retired next week"));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !adminsBrowser.of("extension-request", uid).isEmpty());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !decisions(uid).isEmpty());
        MimeMessage mail = decisions(uid).get(0);
        assertThat(mail.getSubject()).endsWith("was refused");
        assertThat(TestMail.recipients(List.of(mail))).containsExactly("rosalind.franklin@lund.example");
        assertThat(Mails.plain(mail)).contains("Grace Hopper refused your request").contains("The image is retired next week");
        assertThat(Mails.html(mail)).contains("The image is retired next week");
    }

    @Test
    void theTestMailShowsAnAdminWhatPeopleGet() throws Exception {
        var sent = as("admin").post("/api/admin/expiry/test-mail", null);
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
        assertThat(sent.get("sentTo").asText()).isEqualTo("grace.hopper@vantage.example");
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMail.mentioning("Sample analysis desktop").isEmpty());
        assertThat(TestMail.mentioning("Sample analysis desktop").get(0).getSubject())
                .startsWith("[Test] Your instance \u201cSample analysis desktop\u201d will be deleted on");
        assertThat(as("1001").post("/api/admin/expiry/test-mail", null).status()).isEqualTo(403);
    }

    private static List<MimeMessage> decisions(String uid) {
        return TestMail.mentioning("https://vantage.test/portal/instances/" + uid).stream()
                .filter(m -> Mails.subject(m).contains("Your request to extend")).toList();
    }

    private Instant warnFrom(ApiClient client, String uid) throws Exception {
        return Instant.parse(client.get("/api/instances/" + uid + "/lifetime").get("warnFrom").asText());
    }

    private Instant deletionAt(ApiClient client, String uid) throws Exception {
        return Instant.parse(client.get("/api/instances/" + uid + "/lifetime").get("deletionAt").asText());
    }

    private Object warningSentAt(String uid) {
        return jdbc.queryForObject("""
                select e.warning_sent_at from instance_expirations e join instances i on i.id = e.instance_id
                where i.uid = ?""", Object.class, uid);
    }

    private ApiClient as(String userId) {
        return new ApiClient("http://localhost:" + port, oidc, userId);
    }
}
