package io.vantage.domain.instance;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceExpirationRepository extends JpaRepository<InstanceExpiration, Long> {
}
