package io.vantage.api.command;

import io.vantage.cloud.api.GitRecipe;

/**
 * The analysis recipe a machine clones when it is created: owned here, implemented by the recipe module, so the
 * worker does not depend on the feature that records it (like {@link MountPlanner} for data).
 */
public interface RecipePlanner {

    /** Inside a transaction; null when the instance was launched without a recipe. */
    GitRecipe forMachine(Long instanceId);
}
