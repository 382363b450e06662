package io.vantage.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.expiry.ExpiryJob;
import io.vantage.api.expiry.ExpirySweep;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LifecyclePortalTest;
import io.vantage.api.testing.MutableClock;
import io.vantage.api.testing.TestInstances;

/** When instances are planned to go, and that they go then: the earlier of lifetime and inactivity. */
@LifecyclePortalTest
class ExpiryScheduleTest {

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
    ExpiryJob job;
    @Autowired
    ActivityRecorder activity;

    ApiClient rosalind;
    long plan;

    @BeforeEach
    void setUp() {
        rosalind = new ApiClient("http://localhost:" + port, oidc, "1001");
        plan = TestInstances.desktopPlan(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theEarlierOfLifetimeAndInactivityWins() throws Exception {
        String shortLived = TestInstances.launch(rosalind, plan, List.of("EXP-1"), 24);
        String longLived = TestInstances.launch(rosalind, plan, List.of("EXP-1"), null);
        ApiClient lise = new ApiClient("http://localhost:" + port, oidc, "2001");
        String staffs = TestInstances.launch(lise, plan, List.of("EXP-1"), null);

        sweep.sweep();

        Map<String, Object> lifetime = expiration(shortLived);
        assertThat(lifetime.get("reason")).isEqualTo("LIFETIME");
        assertThat(lifetime.get("expires_at")).isEqualTo(instance(shortLived).get("termination_date"));

        Map<String, Object> idle = expiration(longLived);
        assertThat(idle.get("reason")).as("4 days unused comes before 14 days of life").isEqualTo("INACTIVITY");
        assertThat(at(idle, "expires_at")).isEqualTo(at(instance(longLived), "created_at").plus(Duration.ofDays(4)));

        // staff have 10 days of inactivity in this portal's configuration: the owner's own rules apply
        assertThat(at(expiration(staffs), "expires_at"))
                .isEqualTo(at(instance(staffs), "created_at").plus(Duration.ofDays(10)));

        ApiClient.Response view = rosalind.get("/api/instances/" + longLived);
        assertThat(view.get("expiry").get("reason").asText()).isEqualTo("INACTIVITY");
        assertThat(Instant.parse(view.get("expiry").get("at").asText())).isEqualTo(at(idle, "expires_at"));
    }

    @Test
    void useMovesTheInactivityDeadline() throws Exception {
        String uid = TestInstances.launch(rosalind, plan, List.of("EXP-1"), null);
        sweep.sweep();
        Instant first = at(expiration(uid), "expires_at");

        clock.advance(Duration.ofHours(10));
        activity.interaction(TestInstances.id(jdbc, uid), null);
        activity.flush();
        sweep.sweep();

        Map<String, Object> moved = expiration(uid);
        assertThat(moved.get("reason")).isEqualTo("INACTIVITY");
        assertThat(at(moved, "expires_at")).isCloseTo(first.plus(Duration.ofHours(10)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void atTheEndOfItsLifetimeTheInstanceIsDeletedWithTheReason() throws Exception {
        String uid = TestInstances.launch(rosalind, plan, List.of("EXP-1"), 1);
        sweep.sweep();
        assertThat(instance(uid).get("state")).isEqualTo("BUILDING");

        clock.advance(Duration.ofMinutes(61));
        sweep.sweep();
        sweep.sweep();

        ApiClient.Response view = rosalind.get("/api/instances/" + uid);
        assertThat(view.get("state").asText()).isEqualTo("DELETING");
        assertThat(view.get("stateReason").asText()).startsWith("Expired: its lifetime ended on");
        assertThat(jdbc.queryForList("""
                select c.type || ':' || c.state || ':' || coalesce(c.actor_id, 'portal') from instance_commands c
                join instances i on i.id = c.instance_id where i.uid = ? order by c.id""", String.class, uid))
                .as("one DELETE queued by the portal itself, even after two sweeps")
                .containsExactly("CREATE:PENDING:1001", "DELETE:PENDING:portal");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where target_id = ? and action = "
                + "'instance.expire' and actor_id is null", Integer.class, uid)).isEqualTo(1);
    }

    @Test
    void anUnusedInstanceIsDeletedAfterTheOwnersInactivityTime() throws Exception {
        String uid = TestInstances.launch(rosalind, plan, List.of("EXP-1"), null);
        clock.advance(Duration.ofDays(4).minusMinutes(1));
        sweep.sweep();
        assertThat(instance(uid).get("state")).isEqualTo("BUILDING");

        clock.advance(Duration.ofMinutes(2));
        sweep.sweep();
        assertThat(instance(uid).get("state")).isEqualTo("DELETING");
        assertThat((String) instance(uid).get("state_reason")).startsWith("Expired: not used since");
    }

    @Test
    void theScheduledJobSweepsUnderItsLock() throws Exception {
        String uid = TestInstances.launch(rosalind, plan, List.of("EXP-1"), 1);
        clock.advance(Duration.ofHours(2));
        job.run();
        assertThat(instance(uid).get("state")).isEqualTo("DELETING");
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'instance-expiry'", Integer.class))
                .isEqualTo(1);
    }

    private Map<String, Object> expiration(String uid) {
        return jdbc.queryForMap("""
                select e.* from instance_expirations e join instances i on i.id = e.instance_id where i.uid = ?""", uid);
    }

    private Map<String, Object> instance(String uid) {
        return jdbc.queryForMap("select * from instances where uid = ?", uid);
    }

    private static Instant at(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
