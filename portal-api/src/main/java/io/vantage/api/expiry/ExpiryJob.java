package io.vantage.api.expiry;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the expiry sweep every minute on one replica at a time. */
@Component
@EnableConfigurationProperties(ExpiryProperties.class)
public class ExpiryJob {

    private final ExpirySweep sweep;
    private final ExpiryProperties properties;

    ExpiryJob(ExpirySweep sweep, ExpiryProperties properties) {
        this.sweep = sweep;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${vantage.expiry.interval:1m}", initialDelayString = "${vantage.expiry.initial-delay:30s}")
    @SchedulerLock(name = "instance-expiry", lockAtMostFor = "PT10M")
    public void run() {
        if (properties.enabled()) {
            sweep.sweep();
        }
    }
}
