package io.vantage.api.catalogue;

import java.util.List;

/**
 * A plan as a launch choice: the environment, the size, and whether this person can pick it now (and if not, why,
 * in words a scientist understands).
 */
public record PlanOption(Long planId, Long imageId, String imageName, String imageVersion, String imageDescription,
                         String imageIcon, List<String> protocols, Long flavourId, String flavourName, int cpu,
                         int memoryMib, int gpu, boolean preset, boolean available, String unavailableReason) {
}
