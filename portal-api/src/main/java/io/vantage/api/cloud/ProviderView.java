package io.vantage.api.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vantage.cloud.api.CloudLimits;

/**
 * A cloud provider for admins. Settings of providers from the configuration file live there and are not shown;
 * those added at runtime are shown with secrets masked.
 *
 * @param typeDescription what the type is, as its plugin describes it; null when its plugin is not installed
 * @param capabilities    what the provider can do besides create and delete (e.g. STOP_START, REBOOT); empty while
 *                        it cannot be used
 * @param checkedAt       when {@code up} and {@code message} were recorded (the cloud is asked in the background);
 *                        null when not yet
 * @param limits          the cloud's limits and use as read at {@code limitsAt}; null when never read
 * @param warnings        what the provider says an operator must know about its set-up (e.g. all instances share
 *                        one account and can read each other's secrets); empty while it cannot be used
 */
public record ProviderView(Long id, String name, String type, String typeDescription, List<String> capabilities,
                           boolean enabled, boolean fromConfiguration, boolean loaded, boolean up, String message,
                           Instant checkedAt, CloudLimits limits, Instant limitsAt,
                           Map<String, Object> settings, long images, long flavours, long liveInstances,
                           List<String> warnings,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {
}
