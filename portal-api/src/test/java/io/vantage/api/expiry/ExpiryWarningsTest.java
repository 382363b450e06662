package io.vantage.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.expiry.ExpirySweep;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LifecyclePortalTest;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.testing.Mails;
import io.vantage.api.testing.MutableClock;
import io.vantage.api.testing.TestInstances;
import io.vantage.api.testing.TestMail;

/** One warning per planned deletion: by e-mail to those who can act, live to every member, never twice. */
@LifecyclePortalTest
class ExpiryWarningsTest {

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
    ActivityRecorder activity;

    ApiClient rosalind;
    long plan;

    @BeforeEach
    void setUp() {
        rosalind = as("1001");
        plan = TestInstances.desktopPlan(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLifetimeWarningIsMailedOnceToTheOwnerAndUsersAndShownToAllMembers() throws Exception {
        String uid = TestInstances.launch(rosalind, plan, List.of("EXP-1"), 72);
        String name = rosalind.get("/api/instances/" + uid).get("name").asText();
        String link = "https://vantage.test/portal/instances/" + uid;
        rosalind.post("/api/instances/" + uid + "/members", Map.of("userId", "1002", "role", "USER"));
        rosalind.post("/api/instances/" + uid + "/members", Map.of("userId", "9001", "role", "GUEST"));

        try (LiveEventsClient guestsBrowser = new LiveEventsClient("http://localhost:" + port, as("9001"))) {
            sweep.sweep();
            assertThat(TestMail.mentioning(link)).as("72 hours left: not yet (48 hours before)").isEmpty();
            assertThat(warningSentAt(uid)).isNull();

            clock.advance(Duration.ofHours(25));
            sweep.sweep();
            sweep.sweep();

            List<MimeMessage> mails = TestMail.mentioning(link);
            assertThat(TestMail.recipients(mails)).as("owner and USER member, once each; not the guest")
                    .containsExactly("dorothy.hodgkin@tum.example", "rosalind.franklin@lund.example");
            for (MimeMessage mail : mails) {
                assertThat(mail.getSubject()).startsWith("Your instance \u201c" + name + "\u201d will be deleted on ");
                assertThat(mail.getFrom()[0].toString()).contains("vantage@vantage.test");
                assertThat(Mails.html(mail)).contains("href=\"" + link + "\"").contains("end of its lifetime");
                assertThat(Mails.plain(mail)).contains(link).doesNotContain("<");
            }
            assertThat(warningSentAt(uid)).isNotNull();

            // a later event to the same browser proves no second warning is still on its way
            rosalind.put("/api/instances/" + uid + "/members/9001", Map.of("role", "SUPPORT"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !guestsBrowser.of("members", uid).isEmpty());
            assertThat(guestsBrowser.of("warning", uid)).hasSize(1)
                    .allSatisfy(e -> assertThat(e.data()).contains("\"LIFETIME\"").contains(name));
        }
        assertThat(jdbc.queryForList("select details from audit_events where target_id = ? and action = "
                + "'instance.expiry.warning'", String.class, uid)).singleElement().asString().contains("e-mailed 2 of 2");
    }

    @Test
    void anInactivityWarningIsResetByUseAndComesAgainForTheNextDeadline() throws Exception {
        String uid = TestInstances.launch(rosalind, plan, List.of("EXP-1"), null);
        String link = "https://vantage.test/portal/instances/" + uid;

        clock.advance(Duration.ofDays(3).plusHours(1)); // 23 hours before 4 days unused
        sweep.sweep();
        sweep.sweep();
        assertThat(TestMail.mentioning(link)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).contains("is unused and will be deleted on");
            assertThat(Mails.plain(mail)).contains("nobody has used").contains(link);
        });

        activity.interaction(TestInstances.id(jdbc, uid), null);
        activity.flush();
        sweep.sweep();
        assertThat(warningSentAt(uid)).as("use makes a new deletion date, not yet warned about").isNull();
        sweep.sweep();
        assertThat(TestMail.mentioning(link)).hasSize(1);

        clock.advance(Duration.ofDays(3).plusHours(1));
        sweep.sweep();
        assertThat(TestMail.mentioning(link)).as("the next planned deletion gets its own warning").hasSize(2);
        assertThat(jdbc.queryForObject("select state from instances where uid = ?", String.class, uid))
                .isEqualTo("BUILDING");
    }

    @Test
    void twoReplicasSweepingAtOnceSendOneWarning() throws Exception {
        String uid = TestInstances.launch(rosalind, plan, List.of("EXP-1"), 24);
        String link = "https://vantage.test/portal/instances/" + uid;
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ExpirySweep.Outcome>> sweeps = List.of(replicas.submit(() -> {
                go.await();
                return sweep.sweep();
            }), replicas.submit(() -> {
                go.await();
                return sweep.sweep();
            }));
            go.countDown();
            for (Future<ExpirySweep.Outcome> outcome : sweeps) {
                assertThat(outcome.get(60, TimeUnit.SECONDS).failed()).isZero();
            }
        } finally {
            replicas.shutdownNow();
        }
        assertThat(TestMail.recipients(TestMail.mentioning(link))).containsExactly("rosalind.franklin@lund.example");
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
