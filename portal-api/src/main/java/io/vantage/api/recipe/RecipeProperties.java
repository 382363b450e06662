package io.vantage.api.recipe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analysis recipes.
 *
 * @param allowFileUrls whether admins may name {@code file://} repositories: bare repositories on the machine that
 *                      clones them (the local provider's host, a site file system mounted in the image). Off by
 *                      default: on a shared host such a URL reads whatever the instance's user can read
 */
@ConfigurationProperties("vantage.recipes")
public record RecipeProperties(@DefaultValue("false") boolean allowFileUrls) {
}
