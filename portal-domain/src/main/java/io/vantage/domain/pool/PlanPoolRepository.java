package io.vantage.domain.pool;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanPoolRepository extends JpaRepository<PlanPool, Long> {
}
