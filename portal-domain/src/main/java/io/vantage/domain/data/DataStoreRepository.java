package io.vantage.domain.data;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DataStoreRepository extends JpaRepository<DataStore, Long> {

    List<DataStore> findAllByOrderByNameAsc();

    boolean existsByNameIgnoreCase(String name);

    /** A handful of rows: {@link DataLocations} picks among them. */
    List<DataStore> findByEnabledTrue();
}
