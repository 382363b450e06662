package io.vantage.api.command;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The work queue that drives the clouds.
 *
 * @param workers      threads per portal replica executing commands
 * @param pollInterval how often an idle worker looks for work (commands queued on this replica wake it at once)
 * @param lease        how long a claimed command stays with its worker; a replica that dies mid-command loses it
 *                     after this and another one finishes the work
 * @param maxAttempts  attempts on transient cloud errors before the command fails
 * @param backoff      delay before the second attempt, doubled each time up to {@code maxBackoff}
 */
@ConfigurationProperties("vantage.commands")
public record CommandProperties(@DefaultValue("2") int workers,
                                @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("2m") Duration lease,
                                @DefaultValue("6") int maxAttempts,
                                @DefaultValue("5s") Duration backoff,
                                @DefaultValue("2m") Duration maxBackoff,
                                @DefaultValue("true") boolean enabled) {

    Duration backoffAfter(int attempts) {
        Duration delay = backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
