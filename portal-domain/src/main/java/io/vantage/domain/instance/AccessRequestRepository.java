package io.vantage.domain.instance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccessRequestRepository extends JpaRepository<AccessRequest, Long> {

    List<AccessRequest> findByInstanceIdAndState(Long instanceId, AccessRequest.State state);
}
