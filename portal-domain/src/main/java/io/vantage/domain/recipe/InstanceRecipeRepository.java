package io.vantage.domain.recipe;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Keyed by the instance's id: an instance has at most one recipe. */
public interface InstanceRecipeRepository extends JpaRepository<InstanceRecipe, Long> {

    @Query("select r from InstanceRecipe r, Instance i where i.id = r.instanceId and i.uid = :uid")
    Optional<InstanceRecipe> findByInstanceUid(@Param("uid") String uid);
}
