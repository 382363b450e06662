package io.vantage.domain.data;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceDatasetRepository extends JpaRepository<InstanceDataset, InstanceDataset.Key> {

    List<InstanceDataset> findByInstanceIdOrderByPid(Long instanceId);
}
