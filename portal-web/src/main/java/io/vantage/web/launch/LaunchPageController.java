package io.vantage.web.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.vantage.api.catalogue.CatalogueService;
import io.vantage.api.catalogue.PlanOption;
import io.vantage.api.cloud.ProviderUnavailableException;
import io.vantage.api.data.CatalogueUnavailableException;
import io.vantage.api.data.OpenLinks;
import io.vantage.api.data.OpenTarget;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.error.FieldException;
import io.vantage.api.launch.KeyboardLayouts;
import io.vantage.api.launch.LaunchRequest;
import io.vantage.api.launch.LaunchService;
import io.vantage.api.recipe.RecipeView;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.recipe.RecipeWizard;

/**
 * The launch wizard: experiments → environment → size → details. Each step is a page with the earlier choices
 * carried along; the last one launches and opens the instance page, or explains what stopped it.
 */
@Controller
class LaunchPageController {

    private final CatalogueService catalogue;
    private final LaunchService launches;
    private final AccessPolicy access;
    private final Validator validator;
    private final OpenLinks links;
    private final RecipeWizard recipes;

    LaunchPageController(CatalogueService catalogue, LaunchService launches, AccessPolicy access, Validator validator,
                         OpenLinks links, RecipeWizard recipes) {
        this.recipes = recipes;
        this.links = links;
        this.catalogue = catalogue;
        this.launches = launches;
        this.access = access;
        this.validator = validator;
    }

    @GetMapping("/launch")
    String wizard(CurrentUser user, @ModelAttribute LaunchForm form, @RequestParam(defaultValue = "experiments") String step,
                  Model model) {
        fill(user, form, step, model);
        return "launch/wizard";
    }

    @PostMapping("/launch")
    String launch(CurrentUser user, @ModelAttribute LaunchForm form, Model model) {
        LaunchRequest request = form.toRequest();
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<LaunchRequest> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                return "redirect:/instances/" + launches.launch(user, request);
            } catch (FieldException e) {
                errors.put(e.field(), e.getMessage());
            } catch (ConflictException | AccessDeniedException | ProviderUnavailableException
                     | CatalogueUnavailableException | NotFoundException e) {
                model.addAttribute("launchError", e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        fill(user, form, "details", model);
        return "launch/wizard";
    }

    private void fill(CurrentUser user, LaunchForm form, String step, Model model) {
        RecipeView recipe = recipes.preset(form, model);
        List<PlanOption> plans = catalogue.plans(user, form.experiments());
        Map<Long, PlanOption> images = new LinkedHashMap<>();
        for (PlanOption plan : plans) {
            images.merge(plan.imageId(), plan, (a, b) -> a.available() ? a : b);
        }
        Optional<PlanOption> chosen = plans.stream().filter(p -> p.planId().equals(form.getPlan())).findFirst();
        Long imageId = form.getImage() != null ? form.getImage() : chosen.map(PlanOption::imageId).orElse(null);
        model.addAttribute("form", form);
        model.addAttribute("step", step);
        model.addAttribute("experiments", catalogue.experiments(user, form.getQ(), null, null, 0, 100).getContent());
        model.addAttribute("mayLaunchWithoutExperiment", access.mayLaunchFor(user, List.of(), List.of()));
        model.addAttribute("images", images.values());
        model.addAttribute("sizes", plans.stream().filter(p -> p.imageId().equals(imageId)).toList());
        model.addAttribute("chosenImage", imageId == null ? null : images.get(imageId));
        model.addAttribute("chosenPlan", chosen.orElse(null));
        model.addAttribute("quota", catalogue.quota(user));
        model.addAttribute("keyboards", KeyboardLayouts.ALL);
        if (form.getName() == null || form.getName().isBlank()) {
            form.setName(chosen.map(p -> (recipe != null ? recipe.name() : p.imageName())
                    + (form.experiments().isEmpty() ? ""
                    : " for " + String.join(", ", form.experiments()))).orElse(""));
        }
        model.addAttribute("errors", model.getAttribute("errors") == null ? Map.of() : model.getAttribute("errors"));
        opening(user, form, model);
    }

    /** Datasets from an /open link: where their files will be, and instances of the person's that have them. */
    private void opening(CurrentUser user, LaunchForm form, Model model) {
        List<OpenTarget> opening = new java.util.ArrayList<>();
        List<String> problems = new java.util.ArrayList<>();
        for (String pid : form.datasets()) {
            try {
                opening.add(links.resolve(user, pid));
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        model.addAttribute("opening", opening);
        model.addAttribute("openingProblems", problems);
    }
}
