package io.vantage.api.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

public final class FlavourRequests {

    private FlavourRequests() {
    }

    /**
     * Registers one of the flavours a cloud offers ({@code GET /api/admin/providers/{id}/flavours}); sizes left out
     * are taken from the cloud's flavour.
     */
    public record NewFlavour(@NotNull Long providerId,
                      @NotBlank @Size(max = 255) String providerFlavourId,
                      @NotBlank @Size(max = 255) String name,
                      @Positive Integer cpu,
                      @Positive Integer memoryMib,
                      @PositiveOrZero Integer gpu) {
    }

    /** What the portal tells users (and counts against quotas); the cloud flavour it boots stays the same. */
    public record FlavourChanges(@NotBlank @Size(max = 255) String name,
                          @NotNull @Positive Integer cpu,
                          @NotNull @Positive Integer memoryMib,
                          @NotNull @PositiveOrZero Integer gpu) {
    }

    /** Reserves the flavour for holders of a role, or for experiments on an instrument: exactly one of the two. */
    public record NewLimit(@Size(max = 64) String roleName, @Size(max = 64) String instrumentId) {
    }
}
