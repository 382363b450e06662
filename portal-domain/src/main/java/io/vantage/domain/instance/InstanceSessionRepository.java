package io.vantage.domain.instance;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InstanceSessionRepository extends JpaRepository<InstanceSession, Long> {

    Optional<InstanceSession> findFirstByInstanceIdAndProtocolAndActiveTrue(Long instanceId, String protocol);

    List<InstanceSession> findByActiveTrue();

    List<InstanceSession> findByInstanceIdAndActiveTrue(Long instanceId);
}
