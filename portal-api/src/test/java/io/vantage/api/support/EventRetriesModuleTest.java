package io.vantage.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import io.vantage.api.testing.ModuleTestPersistence;

/**
 * A module's reaction to another's event that fails is not lost: the event stays in the event publication table,
 * marked failed, and {@link EventRetries} hands it to the listener again, after which its row is gone. The listener
 * here fails on its first delivery, as a reaction losing a lock to a concurrent change would.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.STANDALONE)
@Import({ModuleTestPersistence.class, EventRetriesModuleTest.FailingOnce.class, EventRetriesModuleTest.AlwaysFailing.class})
@TestPropertySource(properties = {
        "vantage.database.embedded.ephemeral=true",
        "management.endpoint.health.validate-group-membership=false",
        // the test hands failed events back itself, without waiting
        "vantage.module-events.retry-interval=1h", "vantage.module-events.retry-after=0s",
        "vantage.module-events.max-attempts=3"})
class EventRetriesModuleTest {

    record SomethingHappened(String id) {
    }

    /** Fails the first delivery of each event, takes the second. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingOnce {

        // static: the bean is a proxy (its listener method runs asynchronously, in a transaction)
        static final List<String> deliveries = new CopyOnWriteArrayList<>();
        static final List<String> handled = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            boolean first = !deliveries.contains(event.id());
            deliveries.add(event.id());
            if (first) {
                throw new IllegalStateException("lost a lock to a concurrent change");
            }
            handled.add(event.id());
        }
    }

    record NobodyCanHandle(String id) {
    }

    /** A listener that fails every delivery: an event it can never handle. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AlwaysFailing {

        static final List<String> deliveries = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(NobodyCanHandle event) {
            deliveries.add(event.id());
            throw new IllegalStateException("never works");
        }
    }

    @Autowired
    EventRetries retries;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailedReactionIsKeptAndHandedToItsListenerAgain(Scenario scenario) {
        String id = UUID.randomUUID().toString();

        scenario.publish(new SomethingHappened(id))
                .andWaitForStateChange(() -> stored(id), rows -> rows.size() == 1
                        && "FAILED".equals(rows.get(0).get("status")))
                .andVerify(rows -> assertThat(FailingOnce.handled).doesNotContain(id));

        retries.retryFailed();

        await().atMost(Duration.ofSeconds(30)).until(() -> FailingOnce.handled.contains(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(id).isEmpty());
        assertThat(FailingOnce.deliveries).filteredOn(id::equals).hasSize(2);
    }

    @Test
    void aReactionThatNeverWorksIsRetriedUpToTheLimitThenKeptAsFailed(Scenario scenario) {
        String id = UUID.randomUUID().toString();
        scenario.publish(new NobodyCanHandle(id))
                .andWaitForStateChange(() -> failed(id, 1), Boolean::booleanValue)
                .andVerify(done -> assertThat(AlwaysFailing.deliveries).filteredOn(id::equals).hasSize(1));

        for (int delivery = 2; delivery <= 3; delivery++) {
            retries.retryFailed();
            int expected = delivery;
            await().atMost(Duration.ofSeconds(30)).until(() -> failed(id, expected));
        }
        Map<String, Object> before = stored(id).get(0);

        retries.retryFailed(); // the third delivery was the last: not handed back

        // a resubmission marks the row and counts the attempt before it delivers: unchanged means not resubmitted
        assertThat(stored(id)).containsExactly(before);
        assertThat(before.get("status")).isEqualTo("FAILED");
        assertThat(AlwaysFailing.deliveries).filteredOn(id::equals).hasSize(3);
        assertThat(retries.abandoned()).isEqualTo(1);

        // what docs/modules.md tells an operator to do once the cause is fixed: the next run hands it back
        jdbc.update("update event_publication set completion_attempts = 0 where serialized_event like ?",
                "%" + id + "%");
        retries.retryFailed();
        await().atMost(Duration.ofSeconds(30)).until(() -> failed(id, 4));
        assertThat(retries.abandoned()).isZero();
    }

    /** Whether the event's reaction has failed after exactly {@code deliveries} deliveries. */
    private boolean failed(String id, int deliveries) {
        List<Map<String, Object>> rows = stored(id);
        return rows.size() == 1 && "FAILED".equals(rows.get(0).get("status"))
                && AlwaysFailing.deliveries.stream().filter(id::equals).count() == deliveries;
    }

    private List<Map<String, Object>> stored(String id) {
        return jdbc.queryForList("select status, completion_attempts, last_resubmission_date from event_publication"
                + " where serialized_event like ?", "%" + id + "%");
    }
}
