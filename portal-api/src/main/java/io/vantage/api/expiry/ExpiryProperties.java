package io.vantage.api.expiry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job that deletes instances at the end of their lifetime or after inactivity. How long instances live, and
 * how early people are warned, are {@code vantage.lifecycle.*}.
 *
 * @param enabled      false stops automatic warnings and deletions on this replica (e.g. during a migration)
 * @param interval     how often each live instance is looked at; a deletion happens at most this late
 * @param initialDelay how long after start-up the first look happens
 * @param noticeInterval how often deleted instances are looked for whose people were not e-mailed yet (any
 *                       deletion: expiry, a person, an admin), so that e-mail comes at most this late
 */
@ConfigurationProperties("vantage.expiry")
public record ExpiryProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("1m") Duration interval,
                               @DefaultValue("30s") Duration initialDelay,
                               @DefaultValue("15s") Duration noticeInterval) {
}
