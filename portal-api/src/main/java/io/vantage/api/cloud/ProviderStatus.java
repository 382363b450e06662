package io.vantage.api.cloud;

/** How a configured provider is doing, for admins and the readiness check. */
public record ProviderStatus(Long id, String name, String type, boolean enabled, boolean loaded, boolean up,
                             String message) {
}
