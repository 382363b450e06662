package io.vantage.api.recipe;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.recipe.Recipe;
import io.vantage.domain.recipe.RecipeException;
import io.vantage.domain.recipe.RecipeRepository;

/** Admins' recipes. Every change is audited; bad input names its field; slugs are unique (they name folders). */
@Service
@EnableConfigurationProperties(RecipeProperties.class)
public class RecipeAdmin {

    private final RecipeRepository recipes;
    private final PlanRepository plans;
    private final RecipeProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    RecipeAdmin(RecipeRepository recipes, PlanRepository plans, RecipeProperties properties, AuditLog audit,
                Clock clock) {
        this.recipes = recipes;
        this.plans = plans;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RecipeView> list() {
        return recipes.findAllByOrderByNameAsc().stream().map(RecipeView::of).toList();
    }

    /** A plan a recipe may run on, named as the admin pages show it. */
    public record PlanChoice(Long id, String label) {
    }

    @Transactional(readOnly = true)
    public List<PlanChoice> plans() {
        return plans.findAllActive().stream().map(p -> new PlanChoice(p.getId(), p.getImage().getName() + " "
                + (p.getImage().getVersion() == null ? "" : p.getImage().getVersion() + " ") + "· "
                + p.getFlavour().getName())).toList();
    }

    @Transactional(readOnly = true)
    public RecipeView get(Long id) {
        return RecipeView.of(find(id));
    }

    @Transactional
    public RecipeView create(CurrentUser admin, RecipeRequest request) {
        Recipe recipe;
        try {
            recipe = new Recipe(definition(request), properties.allowFileUrls(), clock.instant());
        } catch (RecipeException e) {
            throw new FieldException(e.field(), e.getMessage());
        }
        requireFreeSlug(recipe, request);
        recipes.save(recipe);
        audit.success(admin.id(), "admin.recipe.create", "recipe", String.valueOf(recipe.getId()), describe(recipe));
        return RecipeView.of(recipe);
    }

    @Transactional
    public RecipeView update(CurrentUser admin, Long id, RecipeRequest request) {
        Recipe recipe = find(id);
        try {
            recipe.update(definition(request), properties.allowFileUrls(), clock.instant());
        } catch (RecipeException e) {
            throw new FieldException(e.field(), e.getMessage());
        }
        requireFreeSlug(recipe, request);
        audit.success(admin.id(), "admin.recipe.update", "recipe", String.valueOf(id), describe(recipe));
        return RecipeView.of(recipe);
    }

    /** Instances launched with it keep what they were given (their copy of the recipe). */
    @Transactional
    public void delete(CurrentUser admin, Long id) {
        Recipe recipe = find(id);
        recipes.delete(recipe);
        audit.success(admin.id(), "admin.recipe.delete", "recipe", String.valueOf(id), describe(recipe));
    }

    private Recipe.Definition definition(RecipeRequest r) {
        Plan plan = r.planId() == null ? null : plans.findById(r.planId())
                .orElseThrow(() -> new FieldException("planId", "no plan with id " + r.planId()));
        return new Recipe.Definition(r.slug(), r.name(), r.description(), r.techniques(), r.url(), r.ref(),
                r.notebook(), plan, r.enabled() == null || r.enabled());
    }

    private void requireFreeSlug(Recipe recipe, RecipeRequest request) {
        recipes.findBySlug(recipe.getSlug()).filter(other -> !other.getId().equals(recipe.getId()))
                .ifPresent(other -> {
                    throw new FieldException(request.slug() == null || request.slug().isBlank() ? "name" : "slug",
                            "the recipe '" + other.getName() + "' is called '" + recipe.getSlug()
                                    + "' already; choose another slug");
                });
    }

    private static String describe(Recipe r) {
        return r.getName() + " (" + r.getSlug() + "): " + r.getUrl() + " at " + r.getRef() + ", notebook "
                + r.getNotebook() + ", plan " + r.getPlan().getId() + (r.isEnabled() ? "" : ", disabled");
    }

    private Recipe find(Long id) {
        return recipes.findById(id).orElseThrow(() -> new NotFoundException("recipe", id));
    }
}
