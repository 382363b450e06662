package io.vantage.api.cloud;

import java.time.Instant;

import io.vantage.cloud.api.CloudLimits;

/**
 * How a configured provider is doing, for admins and the health endpoint, as last recorded (never asked live).
 *
 * @param loaded    the provider could be built (enabled, its plugin installed, valid settings)
 * @param up        its cloud answered the last health question
 * @param checkedAt when that was; null when it has not been asked yet
 * @param limits    its limits as last read, with {@code limitsAt}; null when never read
 */
public record ProviderStatus(Long id, String name, String type, boolean enabled, boolean loaded, boolean up,
                             String message, Instant checkedAt, Long latencyMs, CloudLimits limits,
                             Instant limitsAt) {
}
