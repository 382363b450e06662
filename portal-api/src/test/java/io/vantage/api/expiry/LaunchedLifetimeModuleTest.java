package io.vantage.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.events.EventBus;
import io.vantage.api.instance.InstanceActions;
import io.vantage.api.launch.InstanceLaunched;
import io.vantage.api.launch.LifecycleProperties;
import io.vantage.api.launch.UserPolicies;
import io.vantage.api.launch.UserPolicy;
import io.vantage.api.mail.Mailer;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.support.PortalLinks;
import io.vantage.api.testing.ModuleTestPersistence;
import io.vantage.domain.Fixtures;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.Screen;

/**
 * The expiry module alone: a launch's {@link InstanceLaunched} (published here as the launch would) gives the
 * instance its end of life and its first planned deletion, the earlier of lifetime and inactivity. Only the expiry
 * module's beans run, on the real schema; what it uses of other modules is mocked, the owner's policy among them.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.STANDALONE)
@Import(ModuleTestPersistence.class)
@TestPropertySource(properties = {
        "vantage.database.embedded.ephemeral=true",
        // health groups name contributors of modules this test leaves out
        "management.endpoint.health.validate-group-membership=false",
        // the module's schedulers stay out of the way: the test drives the module through its event only
        "vantage.expiry.initial-delay=1h", "vantage.expiry.notice-interval=1h"})
class LaunchedLifetimeModuleTest {

    static final Instant LAUNCHED = Instant.parse("2026-03-01T08:00:00Z");
    static final Duration INACTIVITY = Duration.ofDays(4);

    @MockitoBean
    UserPolicies policies;
    @MockitoBean
    LifecycleProperties lifecycle;
    @MockitoBean
    EventBus bus;
    @MockitoBean
    AccessPolicy access;
    @MockitoBean
    Mailer mailer;
    @MockitoBean
    PortalLinks links;
    @MockitoBean
    InstanceActions actions;
    @MockitoBean
    AuditLog audit;

    @Autowired
    EntityManager entities;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void ownersMayLeaveAnInstanceUnusedForFourDays() {
        given(policies.forUser(any(), any())).willReturn(new UserPolicy(null, Duration.ofDays(14), INACTIVITY));
    }

    @Test
    void aLaunchGetsItsEndOfLifeAndItsFirstPlannedDeletion(Scenario scenario) {
        Instance instance = created(LAUNCHED);

        scenario.publish(new InstanceLaunched(instance.getId(), instance.getUid(), Duration.ofHours(24), false,
                        LAUNCHED))
                .andWaitForStateChange(() -> expiration(instance.getId()), row -> !row.isEmpty())
                .andVerify(row -> {
                    assertThat(at(row, "expires_at")).isEqualTo(LAUNCHED.plus(Duration.ofHours(24)));
                    assertThat(row.get("reason")).as("one day of life ends before four days unused").isEqualTo("LIFETIME");
                });
        assertThat(terminationDate(instance.getId())).isEqualTo(LAUNCHED.plus(Duration.ofHours(24)));
    }

    /** Fourteen days of life, but the owner's rules delete it after four days unused: that comes first. */
    @Test
    void theOwnersInactivityRuleComesFirstWhenTheLifetimeIsLonger(Scenario scenario) {
        Instance instance = created(LAUNCHED);

        scenario.publish(new InstanceLaunched(instance.getId(), instance.getUid(), Duration.ofDays(14), false, LAUNCHED))
                .andWaitForStateChange(() -> expiration(instance.getId()), row -> !row.isEmpty())
                .andVerify(row -> {
                    assertThat(row.get("reason")).isEqualTo("INACTIVITY");
                    assertThat(at(row, "expires_at")).isEqualTo(LAUNCHED.plus(INACTIVITY));
                });
        assertThat(terminationDate(instance.getId())).isEqualTo(LAUNCHED.plus(Duration.ofDays(14)));
    }

    /** An instance as the launch stores it before the expiry module has had its say: no end of life, no plan. */
    private Instance created(Instant at) {
        return tx.execute(status -> {
            Fixtures fixtures = new Fixtures(entities);
            Instance instance = Instance.launch(Fixtures.uid(), "analysis", fixtures.user("Franklin"), fixtures.plan(),
                    List.of(), Screen.DEFAULT, "en-us-qwerty", "secret", at);
            entities.persist(instance);
            return instance;
        });
    }

    private Map<String, Object> expiration(Long instanceId) {
        return jdbc.queryForList("select * from instance_expirations where instance_id = ?", instanceId).stream()
                .findFirst().orElse(Map.of());
    }

    private Instant terminationDate(Long instanceId) {
        return jdbc.queryForObject("select termination_date from instances where id = ?", Timestamp.class, instanceId)
                .toInstant();
    }

    private static Instant at(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
