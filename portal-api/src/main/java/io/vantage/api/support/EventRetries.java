package io.vantage.api.support;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A module's reaction to another's event (an {@code @ApplicationModuleListener}) that failed — a lock lost to a
 * concurrent change, a database hiccup, a replica stopped half-way — is handed to its listener again, from the event
 * stored with the publishing transaction, on one replica at a time. Listeners are written so that a second run does
 * no harm.
 */
@Component
class EventRetries {

    private final FailedEventPublications failed;
    private final Duration retryAfter;

    EventRetries(FailedEventPublications failed, @Value("${vantage.module-events.retry-after:1m}") Duration retryAfter) {
        this.failed = failed;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${vantage.module-events.retry-interval:1m}",
            initialDelayString = "${vantage.module-events.retry-interval:1m}")
    @SchedulerLock(name = "module-event-retries", lockAtMostFor = "PT5M")
    void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryAfter));
    }
}
