package io.vantage.domain.recipe;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecipeRepository extends JpaRepository<Recipe, Long> {

    List<Recipe> findAllByOrderByNameAsc();

    List<Recipe> findByEnabledTrueOrderByNameAsc();

    Optional<Recipe> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
