package io.vantage.api.cloud;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public final class ProviderRequests {

    private ProviderRequests() {
    }

    /**
     * A provider added at runtime; {@code type} is an installed provider type ({@code GET /api/admin/provider-types})
     * and {@code settings} are that type's settings, keyed as it declares them (kebab-case, e.g. {@code auth-url}).
     */
    public record NewProvider(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                               message = "must be lower-case letters, digits and dashes (at most 63)") String name,
                       @NotBlank @Pattern(regexp = "(?i)[a-z][a-z0-9-]{0,63}",
                               message = "must be the name of an installed provider type") String type,
                       Map<String, Object> settings,
                       Boolean enabled) {
    }

    /** Replaces the settings; a secret sent back as the mask keeps its stored value. */
    public record SettingsChange(@NotNull Map<String, Object> settings) {
    }
}
