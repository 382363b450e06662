package io.vantage.domain.instance;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InstanceSessionRepository extends JpaRepository<InstanceSession, Long> {

    Optional<InstanceSession> findFirstByInstanceIdAndProtocolAndActiveTrue(Long instanceId, String protocol);

    List<InstanceSession> findByActiveTrue();

    List<InstanceSession> findByInstanceIdAndActiveTrue(Long instanceId);

    /** Members leaving one session at the same time take turns, so the last one sees it is the last. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from InstanceSession s where s.id = :id")
    Optional<InstanceSession> lockById(@Param("id") Long id);
}
