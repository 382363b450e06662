package io.vantage.domain.instance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ExtensionRequestRepository extends JpaRepository<ExtensionRequest, Long> {

    List<ExtensionRequest> findByStateOrderByCreatedAt(RequestState state);

    List<ExtensionRequest> findByInstanceIdOrderByCreatedAtDesc(Long instanceId);
}
