package io.vantage.api.recipe;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an admin gives for a recipe ({@code docs/api-admin.md}, "Recipes"). The repository URL, ref and notebook
 * path are checked by the recipe itself ({@code RecipeSources}), each problem naming its field.
 *
 * @param slug optional: the folder ({@code ~/recipes/<slug>}) and link name; made from the name when absent
 */
public record RecipeRequest(
        @NotBlank(message = "give the recipe a name") @Size(max = 100, message = "at most 100 characters") String name,
        @Size(max = 63, message = "at most 63 characters") String slug,
        @Size(max = 500, message = "at most 500 characters") String description,
        @Size(max = 10, message = "at most 10 techniques") List<String> techniques,
        @NotBlank(message = "give the repository's URL") String url,
        @NotBlank(message = "give a branch, tag or commit") String ref,
        @NotBlank(message = "give the main notebook's path in the repository") String notebook,
        @NotNull(message = "choose the environment and size the recipe runs on") Long planId,
        Boolean enabled) {
}
