package io.vantage.api.admin;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cloud provider for admins. Settings of providers from the configuration file live there and are not shown;
 * those added at runtime are shown with secrets masked.
 *
 * @param typeDescription what the type is, as its plugin describes it; null when its plugin is not installed
 * @param capabilities    what the provider can do besides create and delete (e.g. STOP_START, REBOOT); empty while
 *                        it cannot be used
 */
public record ProviderView(Long id, String name, String type, String typeDescription, List<String> capabilities,
                           boolean enabled, boolean fromConfiguration, boolean loaded, boolean up, String message,
                           Map<String, Object> settings, long images, long flavours, long liveInstances,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {
}
