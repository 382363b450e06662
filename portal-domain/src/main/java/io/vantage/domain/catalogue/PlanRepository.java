package io.vantage.domain.catalogue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanRepository extends JpaRepository<Plan, Long> {

    /** Plans a user can pick: not deleted, on a visible image and a flavour that still exists. */
    @Query("""
            select p from Plan p join fetch p.image i join fetch p.flavour f
            where p.deleted = false and i.deleted = false and i.visible = true and f.deleted = false
            order by i.name, f.cpu, f.memoryMib
            """)
    List<Plan> findLaunchable();

    @Query("select p from Plan p join fetch p.image join fetch p.flavour where p.deleted = false order by p.id")
    List<Plan> findAllActive();

    /** Every plan, deleted ones too, for admins. */
    @Query("select p from Plan p join fetch p.image join fetch p.flavour order by p.id")
    List<Plan> findAllWithCatalogue();

    List<Plan> findByImageIdAndDeletedFalse(Long imageId);

    List<Plan> findByFlavourIdAndDeletedFalse(Long flavourId);

    boolean existsByImageIdAndFlavourIdAndDeletedFalse(Long imageId, Long flavourId);
}
