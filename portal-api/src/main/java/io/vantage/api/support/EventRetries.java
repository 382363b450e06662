package io.vantage.api.support;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A module's reaction to another's event (an {@code @ApplicationModuleListener}) that failed — a lock lost to a
 * concurrent change, a database hiccup, a replica stopped half-way — is handed to its listener again, from the event
 * stored with the publishing transaction, on one replica at a time. Listeners are written so that a second run does
 * no harm.
 * <p>
 * A reaction that has failed {@code max-attempts} times is not handed back again: an event no listener can ever
 * handle would otherwise be retried every minute for ever. It stays in the table, marked failed, so nothing is lost;
 * the log says so once per event (listener, event type and id, never the event's content) and the gauge
 * {@code vantage.module-events.abandoned} counts them, for an alert. Deleting or resubmitting it is an operator's
 * decision (docs/modules.md).
 */
@Component
@EnableConfigurationProperties(ModuleEventProperties.class)
class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final FailedEventPublications failed;
    private final Duration retryAfter;
    private final int maxAttempts;
    /** Events no longer retried, as of the last run: each is logged once (and the set does not grow). */
    private volatile Set<UUID> abandoned = Set.of();

    EventRetries(FailedEventPublications failed, ModuleEventProperties properties,
                 ObjectProvider<MeterRegistry> registry) {
        this.failed = failed;
        this.retryAfter = properties.retryAfter();
        this.maxAttempts = properties.maxAttempts();
        registry.ifAvailable(meters -> Gauge.builder("vantage.module-events.abandoned", this, EventRetries::abandoned)
                .register(meters));
    }

    // the same key as ModuleEventProperties.retryInterval, read here because @Scheduled takes no bean property
    @Scheduled(fixedDelayString = "${vantage.module-events.retry-interval:1m}",
            initialDelayString = "${vantage.module-events.retry-interval:1m}")
    @SchedulerLock(name = "module-event-retries", lockAtMostFor = "PT5M")
    synchronized void retryFailed() {
        Set<UUID> givenUp = new HashSet<>();
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryAfter).withFilter(publication -> {
            if (publication.getCompletionAttempts() < maxAttempts) {
                return true;
            }
            givenUp.add(publication.getIdentifier());
            if (!abandoned.contains(publication.getIdentifier())) {
                report(publication);
            }
            return false;
        }));
        abandoned = givenUp;
    }

    /** Events whose reactions are no longer retried, as of the last run. */
    int abandoned() {
        return abandoned.size();
    }

    private void report(EventPublication publication) {
        log.error("A module's reaction to event {} ({}) failed {} times and is not retried any more; it stays in"
                        + " event_publication, marked failed", publication.getIdentifier(),
                publication.getEvent().getClass().getName(), publication.getCompletionAttempts());
    }
}
