package io.vantage.api.support;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties(ModuleEventProperties.class)
class EventRetries {

    private final FailedEventPublications failed;
    private final Duration retryAfter;

    EventRetries(FailedEventPublications failed, ModuleEventProperties properties) {
        this.failed = failed;
        this.retryAfter = properties.retryAfter();
    }

    // the same key as ModuleEventProperties.retryInterval, read here because @Scheduled takes no bean property
    @Scheduled(fixedDelayString = "${vantage.module-events.retry-interval:1m}",
            initialDelayString = "${vantage.module-events.retry-interval:1m}")
    @SchedulerLock(name = "module-event-retries", lockAtMostFor = "PT5M")
    void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryAfter));
    }
}
