package io.vantage.api.admin;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cloud provider for admins. Settings of providers from the configuration file live there and are not shown;
 * those added at runtime are shown with secrets masked.
 */
public record ProviderView(Long id, String name, String type, boolean enabled, boolean fromConfiguration, boolean loaded,
                    boolean up, String message, Map<String, Object> settings, long images, long flavours,
                    long liveInstances, @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {
}
