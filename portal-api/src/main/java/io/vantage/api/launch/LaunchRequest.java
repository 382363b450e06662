package io.vantage.api.launch;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person asks for at launch.
 *
 * @param lifetimeHours optional: a shorter life than the default for the person's roles
 * @param datasetPids   optional: datasets (SciCat PIDs, as {@code /api/open} resolves them) of the chosen
 *                      experiments whose folders the instance also shows
 * @param recipe        optional: an analysis recipe's id or slug, cloned into the instance at its start; the plan
 *                      must be one of the recipe's image
 */
public record LaunchRequest(
        @NotNull(message = "choose an environment and size") Long planId,
        @Size(max = 20, message = "at most 20 experiments") List<@NotBlank String> experimentIds,
        @NotBlank(message = "give the instance a name") @Size(max = 100, message = "at most 100 characters")
        @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain < > or control characters") String name,
        @Min(value = 640, message = "at least 640 pixels") @Max(value = 7680, message = "at most 7680 pixels")
        Integer screenWidth,
        @Min(value = 480, message = "at least 480 pixels") @Max(value = 4320, message = "at most 4320 pixels")
        Integer screenHeight,
        String keyboardLayout,
        @Min(value = 1, message = "at least 1 hour") Integer lifetimeHours,
        @Size(max = 5, message = "at most 5 datasets") List<@NotBlank @Size(max = 255) String> datasetPids,
        @Size(max = 64, message = "at most 64 characters") String recipe) {

    /** Without a recipe. */
    public LaunchRequest(Long planId, List<String> experimentIds, String name, Integer screenWidth,
                         Integer screenHeight, String keyboardLayout, Integer lifetimeHours, List<String> datasetPids) {
        this(planId, experimentIds, name, screenWidth, screenHeight, keyboardLayout, lifetimeHours, datasetPids, null);
    }

    /** Without datasets. */
    public LaunchRequest(Long planId, List<String> experimentIds, String name, Integer screenWidth,
                         Integer screenHeight, String keyboardLayout, Integer lifetimeHours) {
        this(planId, experimentIds, name, screenWidth, screenHeight, keyboardLayout, lifetimeHours, null, null);
    }

    public List<String> datasets() {
        return datasetPids == null ? List.of() : datasetPids.stream().map(String::strip).distinct().toList();
    }

    public List<String> experiments() {
        return experimentIds == null ? List.of() : experimentIds.stream().distinct().toList();
    }
}
