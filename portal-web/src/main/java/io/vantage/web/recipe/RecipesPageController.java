package io.vantage.web.recipe;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.error.FieldException;
import io.vantage.api.recipe.RecipeAdmin;
import io.vantage.api.recipe.RecipeRequest;
import io.vantage.api.recipe.RecipeView;
import io.vantage.api.security.CurrentUser;

/** Admin → Recipes: the analysis recipes people can launch with, on the same service as the admin API. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/recipes")
class RecipesPageController {

    /** The admin pages' flash message (admin/fragments :: flash); kept in the session, so serializable. */
    record Flash(String level, String text) implements java.io.Serializable {
    }

    private final RecipeAdmin recipes;
    private final Validator validator;
    private final MessageSource messages;

    RecipesPageController(RecipeAdmin recipes, Validator validator, MessageSource messages) {
        this.recipes = recipes;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("recipes", recipes.list());
        return "recipe/admin-list";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute("recipeForm", new RecipeForm());
        return form(null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable Long id, Model model) {
        RecipeView recipe = recipes.get(id);
        model.addAttribute("recipeForm", RecipeForm.of(recipe));
        return form(recipe, model);
    }

    @PostMapping
    String create(CurrentUser admin, @ModelAttribute("recipeForm") RecipeForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        return save(admin, null, form, result, model, redirect);
    }

    @PostMapping("/{id}")
    String update(CurrentUser admin, @PathVariable Long id, @ModelAttribute("recipeForm") RecipeForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        return save(admin, id, form, result, model, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        RecipeView recipe = recipes.get(id);
        recipes.delete(admin, id);
        flash(redirect, "admin.recipes.deleted", recipe.name());
        return "redirect:/admin/recipes";
    }

    private String save(CurrentUser admin, Long id, RecipeForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        RecipeRequest request = form.toRequest();
        for (ConstraintViolation<RecipeRequest> violation : validator.validate(request)) {
            reject(result, new FieldException(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!result.hasErrors()) {
            try {
                RecipeView saved = id == null ? recipes.create(admin, request) : recipes.update(admin, id, request);
                flash(redirect, id == null ? "admin.recipes.created" : "admin.recipes.updated", saved.name());
                return "redirect:/admin/recipes";
            } catch (FieldException e) {
                reject(result, e);
            }
        }
        return form(id == null ? null : recipes.get(id), model);
    }

    private static void reject(BindingResult result, FieldException e) {
        String field = e.field().startsWith("techniques") ? "techniques" : e.field();
        if (!result.hasFieldErrors(field)) {
            result.rejectValue(field, "admin.refused", e.getMessage());
        }
    }

    private void flash(RedirectAttributes redirect, String key, String name) {
        redirect.addFlashAttribute("flash", new Flash("success",
                messages.getMessage(key, new Object[] {name}, LocaleContextHolder.getLocale())));
    }

    private String form(RecipeView recipe, Model model) {
        model.addAttribute("recipe", recipe);
        model.addAttribute("plans", recipes.plans());
        return "recipe/admin-form";
    }
}
