package io.vantage.domain.recipe;

import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The recipe an instance was launched with, copied at launch: what its machine was told to clone, whatever
 * happens to the recipe later.
 */
@Entity
@Table(name = "instance_recipes")
public class InstanceRecipe {

    @Id
    private Long instanceId;
    private Long recipeId;
    private String slug;
    private String name;
    private String url;
    private String ref;
    private String notebook;

    protected InstanceRecipe() {
    }

    public InstanceRecipe(Long instanceId, Recipe recipe) {
        this.instanceId = Objects.requireNonNull(instanceId);
        this.recipeId = recipe.getId();
        this.slug = recipe.getSlug();
        this.name = recipe.getName();
        this.url = recipe.getUrl();
        this.ref = recipe.getRef();
        this.notebook = recipe.getNotebook();
    }

    /** Where the main notebook is, relative to the instance user's home. */
    public String notebookPath() {
        return "recipes/" + slug + "/" + notebook;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public Long getRecipeId() {
        return recipeId;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getRef() {
        return ref;
    }

    public String getNotebook() {
        return notebook;
    }
}
