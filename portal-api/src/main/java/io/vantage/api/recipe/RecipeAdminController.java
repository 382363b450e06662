package io.vantage.api.recipe;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/admin/recipes")
@PreAuthorize("hasRole('ADMIN')")
class RecipeAdminController {

    private final RecipeAdmin recipes;

    RecipeAdminController(RecipeAdmin recipes) {
        this.recipes = recipes;
    }

    @GetMapping
    List<RecipeView> list() {
        return recipes.list();
    }

    @GetMapping("/{id}")
    RecipeView get(@PathVariable Long id) {
        return recipes.get(id);
    }

    @PostMapping
    ResponseEntity<RecipeView> create(CurrentUser admin, @Valid @RequestBody RecipeRequest request) {
        RecipeView created = recipes.create(admin, request);
        return ResponseEntity.created(URI.create("/api/admin/recipes/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    RecipeView update(CurrentUser admin, @PathVariable Long id, @Valid @RequestBody RecipeRequest request) {
        return recipes.update(admin, id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser admin, @PathVariable Long id) {
        recipes.delete(admin, id);
        return ResponseEntity.noContent().build();
    }
}
