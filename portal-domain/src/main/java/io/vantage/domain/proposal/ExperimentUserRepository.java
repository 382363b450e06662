package io.vantage.domain.proposal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ExperimentUserRepository extends JpaRepository<ExperimentUser, ExperimentUser.Key> {
}
