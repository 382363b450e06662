package io.vantage.api.recipe;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recipes anyone signed in may launch with (their plan's own rules still apply at launch). */
@RestController
class RecipeController {

    private final Recipes recipes;

    RecipeController(Recipes recipes) {
        this.recipes = recipes;
    }

    @GetMapping("/api/recipes")
    List<RecipeView> list(@RequestParam(required = false) String technique) {
        return recipes.available(technique);
    }
}
