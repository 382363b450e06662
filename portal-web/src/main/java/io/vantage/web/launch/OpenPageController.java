package io.vantage.web.launch;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.vantage.api.data.OpenLinks;
import io.vantage.api.data.OpenTarget;
import io.vantage.api.recipe.Recipes;
import io.vantage.api.security.CurrentUser;

/**
 * "Analyse in Vantage": {@code /open?pid=<SciCat PID or DOI>} (docs/open-links.md). After the login, the launch
 * wizard opens with the dataset's experiment chosen and the dataset carried along; the wizard offers the person's
 * instances that have the experiment already. Unknown → the 404 page, not theirs → the 403 page, each saying why.
 */
@Controller
class OpenPageController {

    private final OpenLinks links;
    private final Recipes recipes;

    OpenPageController(OpenLinks links, Recipes recipes) {
        this.links = links;
        this.recipes = recipes;
    }

    /** With {@code recipe} (id or slug), the wizard opens with it chosen; with only a recipe, at the first step. */
    @GetMapping("/open")
    String open(CurrentUser user, @RequestParam(required = false) String pid,
                @RequestParam(required = false) String recipe) {
        String slug = recipe == null ? null : recipes.open(recipe).slug();
        if (slug != null && (pid == null || pid.isBlank())) {
            return "redirect:" + UriComponentsBuilder.fromPath("/launch").queryParam("recipe", slug).encode()
                    .build().toUriString();
        }
        OpenTarget target = links.resolve(user, pid);
        UriComponentsBuilder wizard = UriComponentsBuilder.fromPath("/launch").queryParam("step", "environment")
                .queryParam("experiment", target.experimentId());
        if (target.datasetPid() != null) {
            wizard.queryParam("dataset", target.datasetPid());
        }
        if (slug != null) {
            wizard.queryParam("recipe", slug);
        }
        return "redirect:" + wizard.encode().build().toUriString();
    }
}
