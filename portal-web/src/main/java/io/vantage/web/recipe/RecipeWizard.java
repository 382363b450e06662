package io.vantage.web.recipe;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.recipe.RecipeView;
import io.vantage.api.recipe.Recipes;

/**
 * The launch wizard's recipes: listed (filtered by technique) on the environment step; a chosen one presets its
 * environment and size, which the person may still change to another size. Choosing another environment drops it.
 */
@Component
public class RecipeWizard {

    private final Recipes recipes;

    RecipeWizard(Recipes recipes) {
        this.recipes = recipes;
    }

    /** What the wizard's form holds about recipes. */
    public interface Choice {
        String getRecipe();

        void setRecipe(String recipe);

        String getTechnique();

        Long getImage();

        void setImage(Long image);

        Long getPlan();

        void setPlan(Long plan);
    }

    /**
     * Call before the wizard reads the form's image and plan.
     *
     * @return the chosen recipe, or null
     */
    public RecipeView preset(Choice form, Model model) {
        RecipeView chosen = null;
        if (form.getRecipe() != null && !form.getRecipe().isBlank()) {
            try {
                chosen = recipes.open(form.getRecipe());
            } catch (NotFoundException e) {
                model.addAttribute("recipeProblem", e.getMessage());
            }
        }
        if (chosen != null && form.getImage() != null && !form.getImage().equals(chosen.imageId())) {
            model.addAttribute("recipeProblem", "The recipe " + chosen.name() + " runs on " + chosen.imageName()
                    + ": launching without it.");
            chosen = null;
        }
        if (chosen == null) {
            form.setRecipe(null);
        } else {
            form.setRecipe(chosen.slug());
            if (form.getImage() == null) {
                form.setImage(chosen.imageId());
                form.setPlan(chosen.planId());
            }
        }
        List<RecipeView> available = recipes.available(form.getTechnique());
        model.addAttribute("recipes", available);
        model.addAttribute("techniques", recipes.techniques());
        model.addAttribute("chosenRecipe", chosen);
        return chosen;
    }
}
