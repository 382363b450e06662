package io.vantage.api.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of a module's reaction to another's event ({@link EventRetries}).
 *
 * @param retryInterval how often failed reactions are handed to their listener again (on one replica)
 * @param retryAfter    how long a failed reaction waits before it is retried
 */
@ConfigurationProperties("vantage.module-events")
public record ModuleEventProperties(@DefaultValue("1m") Duration retryInterval, @DefaultValue("1m") Duration retryAfter) {
}
