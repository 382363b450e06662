package io.vantage.domain.cloud;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CloudProviderRecordRepository extends JpaRepository<CloudProviderRecord, Long> {

    Optional<CloudProviderRecord> findByName(String name);

    List<CloudProviderRecord> findAllByOrderByName();
}
