package io.vantage.domain.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FlavourRepository extends JpaRepository<Flavour, Long> {

    @Query("select f from Flavour f where f.deleted = false order by f.cpu, f.memoryMib, f.name")
    List<Flavour> findAllActive();

    /** Every flavour, deleted ones too, for admins. */
    List<Flavour> findAllByOrderByCpuAscMemoryMibAscNameAsc();

    List<Flavour> findByProviderIdAndDeletedFalse(Long providerId);

    @Query("select f from Flavour f where f.deleted = false and lower(f.name) = lower(:name)")
    Optional<Flavour> findActiveByName(@Param("name") String name);

    @Query("select distinct f from Flavour f join f.limits l where l.roleId = :roleId order by f.name")
    List<Flavour> findLimitedToRole(@Param("roleId") Long roleId);
}
