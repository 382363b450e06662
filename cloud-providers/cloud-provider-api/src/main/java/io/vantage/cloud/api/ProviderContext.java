package io.vantage.cloud.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the portal gives every provider.
 *
 * @param deploymentId tags every machine, so orphan cleanup only ever touches this deployment's machines
 * @param callTimeout  the longest a single call to the cloud may take
 */
public record ProviderContext(String deploymentId, Clock clock, Duration callTimeout) {

    public ProviderContext {
        Objects.requireNonNull(deploymentId, "deploymentId");
        if (deploymentId.isBlank()) {
            throw new IllegalArgumentException("deploymentId must not be blank");
        }
        clock = clock == null ? Clock.systemUTC() : clock;
        callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
    }
}
