package io.vantage.api.catalogue;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.vantage.domain.catalogue.ExtensionPolicy;

/** What admins send to register and change images. */
public final class ImageRequests {

    static final String POLICIES = "NEVER|ADMIN_APPROVAL|STAFF_AUTO|ALWAYS_AUTO";

    private ImageRequests() {
    }

    /** Registers one of the images a cloud offers ({@code GET /api/admin/providers/{id}/images}). */
    public record NewImage(@NotNull Long providerId,
                    @NotBlank @Size(max = 255) String providerImageId,
                    @NotBlank @Size(max = 255) String name,
                    @Size(max = 64) String version,
                    @Size(max = 4000) String description,
                    @Size(max = 255) String icon,
                    @NotEmpty List<@NotNull Long> protocolIds,
                    Long defaultProtocolId,
                    @Size(max = 65000) String bootScript,
                    @Pattern(regexp = POLICIES, message = "must be one of " + POLICIES) String extensionPolicy,
                    Boolean visible) {

        ImageChanges changes() {
            return new ImageChanges(name, version, description, icon, protocolIds, defaultProtocolId, bootScript,
                    extensionPolicy, visible);
        }
    }

    /** Everything about an image except the cloud image it boots, which a new registration replaces. */
    public record ImageChanges(@NotBlank @Size(max = 255) String name,
                        @Size(max = 64) String version,
                        @Size(max = 4000) String description,
                        @Size(max = 255) String icon,
                        @NotEmpty List<@NotNull Long> protocolIds,
                        Long defaultProtocolId,
                        @Size(max = 65000) String bootScript,
                        @Pattern(regexp = POLICIES, message = "must be one of " + POLICIES) String extensionPolicy,
                        Boolean visible) {

        ExtensionPolicy policy() {
            return extensionPolicy == null ? ExtensionPolicy.STAFF_AUTO : ExtensionPolicy.valueOf(extensionPolicy);
        }

        boolean isVisible() {
            return visible == null || visible;
        }
    }
}
