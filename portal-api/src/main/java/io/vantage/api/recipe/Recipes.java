package io.vantage.api.recipe;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.cloud.api.GitRecipe;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.recipe.InstanceRecipe;
import io.vantage.domain.recipe.InstanceRecipeRepository;
import io.vantage.domain.recipe.Recipe;
import io.vantage.domain.recipe.RecipeRepository;

/**
 * Recipes as people use them: the enabled ones (the wizard, {@code /open?recipe=}, {@code GET /api/recipes}), the
 * one a launch names, and the copy each instance keeps of the recipe it was launched with.
 */
@Service
public class Recipes {

    private final RecipeRepository recipes;
    private final InstanceRecipeRepository instanceRecipes;
    private final PlanRepository plans;

    Recipes(RecipeRepository recipes, InstanceRecipeRepository instanceRecipes, PlanRepository plans) {
        this.recipes = recipes;
        this.instanceRecipes = instanceRecipes;
        this.plans = plans;
    }

    /** Enabled recipes serving the technique (all of them for none). */
    @Transactional(readOnly = true)
    public List<RecipeView> available(String technique) {
        return recipes.findByEnabledTrueOrderByNameAsc().stream().filter(r -> r.serves(technique))
                .map(RecipeView::of).toList();
    }

    /** Every technique some enabled recipe serves, for the wizard's filter. */
    @Transactional(readOnly = true)
    public List<String> techniques() {
        return recipes.findByEnabledTrueOrderByNameAsc().stream().flatMap(r -> r.getTechniques().stream())
                .map(String::strip).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** An enabled recipe by id or slug, as links name it; 404 otherwise. */
    @Transactional(readOnly = true)
    public RecipeView open(String idOrSlug) {
        return find(idOrSlug).map(RecipeView::of).orElseThrow(() -> new NotFoundException(
                "There is no recipe '" + idOrSlug + "' (or it was withdrawn)."));
    }

    /** Checks the recipe a launch names, if any: a bad one is the launch's {@code recipe} field. */
    @Transactional(readOnly = true)
    public void check(String idOrSlug, Long planId) {
        if (named(idOrSlug)) {
            forLaunch(idOrSlug.strip(), planId);
        }
    }

    private Recipe forLaunch(String idOrSlug, Long planId) {
        Recipe recipe = find(idOrSlug).orElseThrow(() -> new FieldException("recipe",
                "no recipe '" + idOrSlug + "' (or it was withdrawn)"));
        // the size may differ from the recipe's (another flavour of its image), never the environment
        Long image = planId == null ? null : plans.findById(planId).map(p -> p.getImage().getId()).orElse(null);
        if (image != null && !image.equals(recipe.getPlan().getImage().getId())) {
            throw new FieldException("recipe", "the recipe " + recipe.getName() + " runs on "
                    + recipe.getPlan().getImage().getName() + "; choose that environment or no recipe");
        }
        return recipe;
    }

    /** Recorded with the instance at launch, in the launch's transaction. */
    public void record(Long instanceId, String idOrSlug, Long planId) {
        if (named(idOrSlug)) {
            instanceRecipes.save(new InstanceRecipe(instanceId, forLaunch(idOrSlug.strip(), planId)));
        }
    }

    /** Whether a launch names a recipe: such launches are built afresh, a pool machine started without it. */
    public static boolean named(String idOrSlug) {
        return idOrSlug != null && !idOrSlug.isBlank();
    }

    /** The instance's recipe; the caller has checked that the person may see the instance. */
    @Transactional(readOnly = true)
    public Optional<InstanceRecipe> ofInstance(String uid) {
        return instanceRecipes.findByInstanceUid(uid);
    }

    /** What the instance's machine is told to clone ({@code docs/image-contract.md}, "Recipes"), or null. */
    public GitRecipe forMachine(Long instanceId) {
        return instanceRecipes.findById(instanceId)
                .map(r -> new GitRecipe(r.getSlug(), r.getUrl(), r.getRef(), r.getNotebook())).orElse(null);
    }

    private Optional<Recipe> find(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank() || idOrSlug.length() > 64) {
            return Optional.empty();
        }
        String key = idOrSlug.strip();
        Optional<Recipe> found = key.matches("[0-9]{1,18}") ? recipes.findById(Long.parseLong(key))
                : recipes.findBySlug(key);
        return found.filter(Recipe::isEnabled);
    }
}
