/**
 * Recipes (a git repository and what to run, for some plans) and the copy an instance keeps of the one it was
 * launched with.
 */
@ApplicationModule(displayName = "Recipes", allowedDependencies = {"catalogue"})
package io.vantage.domain.recipe;

import org.springframework.modulith.ApplicationModule;
