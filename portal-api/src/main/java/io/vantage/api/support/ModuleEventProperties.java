package io.vantage.api.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of a module's reaction to another's event ({@link EventRetries}).
 *
 * @param retryInterval how often failed reactions are handed to their listener again (on one replica)
 * @param retryAfter    how long a failed reaction waits before it is retried
 * @param maxAttempts   deliveries of one event to its listener, the first included, after which a failed reaction
 *                      is left in the table (marked failed, logged, counted) instead of retried again
 */
@ConfigurationProperties("vantage.module-events")
public record ModuleEventProperties(@DefaultValue("1m") Duration retryInterval, @DefaultValue("1m") Duration retryAfter,
                                    @DefaultValue("20") int maxAttempts) {

    public ModuleEventProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("vantage.module-events.max-attempts must be at least 1, was "
                    + maxAttempts);
        }
    }
}
