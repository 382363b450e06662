/**
 * Analysis recipes curated by admins (RecipeAdmin, /api/admin/recipes, next to the feature) and as people use them
 * (Recipes: the enabled ones, the one a launch names, the copy each instance keeps), cloned into instances by the
 * command worker.
 */
@ApplicationModule(displayName = "Recipes", allowedDependencies = {"error", "security"})
package io.vantage.api.recipe;

import org.springframework.modulith.ApplicationModule;
