package io.vantage.api.recipe;

import java.time.Instant;
import java.util.List;

import io.vantage.domain.recipe.Recipe;

/** A recipe as admins and the launch wizard see it, with its plan's image and flavour named. */
public record RecipeView(Long id, String slug, String name, String description, List<String> techniques, String url,
                         String ref, String notebook, Long planId, Long imageId, String imageName, String flavourName,
                         boolean enabled, Instant createdAt, Instant updatedAt) {

    public static RecipeView of(Recipe r) {
        return new RecipeView(r.getId(), r.getSlug(), r.getName(), r.getDescription(), r.getTechniques(), r.getUrl(),
                r.getRef(), r.getNotebook(), r.getPlan().getId(), r.getPlan().getImage().getId(),
                r.getPlan().getImage().getName(), r.getPlan().getFlavour().getName(), r.isEnabled(), r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
