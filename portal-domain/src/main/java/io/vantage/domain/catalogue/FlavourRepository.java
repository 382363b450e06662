package io.vantage.domain.catalogue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FlavourRepository extends JpaRepository<Flavour, Long> {

    @Query("select f from Flavour f where f.deleted = false order by f.cpu, f.memoryMib, f.name")
    List<Flavour> findAllActive();
}
