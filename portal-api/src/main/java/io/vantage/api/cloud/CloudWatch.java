package io.vantage.api.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;

/**
 * Asks every enabled cloud for its health and limits in the background and records the answers
 * ({@link CloudSnapshotRepository}), so that pages, the health endpoint and launches read the database and never
 * wait on a cloud. One question per cloud at a time: a cloud that takes 30 s per call is asked again only once it
 * answered, and is reported as not answering meanwhile. Runs on one replica at a time.
 */
@Component
public class CloudWatch {

    private static final Logger log = LoggerFactory.getLogger(CloudWatch.class);

    private final CloudProviderRecordRepository records;
    private final ProviderRegistry registry;
    private final CloudSnapshotRepository snapshots;
    private final Duration overdue;
    private final Clock clock;
    private final Map<Long, Instant> asking = new ConcurrentHashMap<>();
    private final CloudCalls calls;

    CloudWatch(CloudProviderRecordRepository records, ProviderRegistry registry, CloudSnapshotRepository snapshots,
               CloudProperties properties, Clock clock, CloudCalls calls) {
        this.records = records;
        this.registry = registry;
        this.snapshots = snapshots;
        this.overdue = properties.callTimeout().plusSeconds(5);
        this.clock = clock;
        this.calls = calls;
    }

    @Scheduled(fixedDelayString = "${vantage.cloud.snapshot-interval:30s}", initialDelayString = "1s")
    @SchedulerLock(name = "cloud-snapshots", lockAtMostFor = "PT2M", lockAtLeastFor = "PT5S")
    void refreshAll() {
        for (CloudProviderRecord record : records.findAllByOrderByName()) {
            if (record.isEnabled()) {
                refresh(record.getId());
            }
        }
    }

    /** Asks this cloud in the background (unless a question to it is still open) and returns at once. */
    public void refresh(Long providerId) {
        Instant now = clock.instant();
        Instant asked = asking.putIfAbsent(providerId, now);
        if (asked != null) {
            Duration waiting = Duration.between(asked, now);
            if (waiting.compareTo(overdue) > 0) {
                snapshots.saveHealth(providerId, now, ProviderHealth.down("No answer for " + waiting.toSeconds()
                        + " s; still waiting"));
            }
            return;
        }
        try {
            calls.run(() -> {
                try {
                    ask(providerId);
                } finally {
                    asking.remove(providerId);
                }
            });
        } catch (RuntimeException e) {
            asking.remove(providerId);
            throw e;
        }
    }

    private void ask(Long providerId) {
        try {
            Optional<CloudProvider> provider = registry.find(providerId);
            if (provider.isEmpty()) {
                return; // disabled or misconfigured: the registry says why, no cloud to ask
            }
            ProviderHealth health = provider.get().checkHealth();
            snapshots.saveHealth(providerId, clock.instant(), health);
            if (health.up()) {
                try {
                    snapshots.saveLimits(providerId, clock.instant(), provider.get().limits().limits());
                } catch (CloudProviderException e) {
                    snapshots.saveLimitsProblem(providerId, clock.instant(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not record the state of cloud provider {}: {}", providerId, e.toString());
        }
    }

    /**
     * Runs one call to a cloud for a request that an admin waits for (testing a connection, listing its images):
     * the answer if it comes within {@code wait}, else a transient error saying so; the call itself goes on.
     */
    public <T> T within(Duration wait, Callable<T> call) {
        return calls.within(wait, call);
    }
}
