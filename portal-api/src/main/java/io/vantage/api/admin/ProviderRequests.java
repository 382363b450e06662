package io.vantage.api.admin;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public final class ProviderRequests {

    private ProviderRequests() {
    }

    /** A provider added at runtime; {@code settings} are the provider type's settings (see its README). */
    public record NewProvider(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                               message = "must be lower-case letters, digits and dashes (at most 63)") String name,
                       @NotBlank @Pattern(regexp = "(?i)openstack|kubernetes|local",
                               message = "must be openstack, kubernetes or local") String type,
                       Map<String, Object> settings,
                       Boolean enabled) {
    }

    /** Replaces the settings; a secret sent back as the mask keeps its stored value. */
    record SettingsChange(@NotNull Map<String, Object> settings) {
    }
}
