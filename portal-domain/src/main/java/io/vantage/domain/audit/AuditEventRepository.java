package io.vantage.domain.audit;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    @Query("""
            select e from AuditEvent e
            where (:actorId is null or e.actorId = :actorId)
              and (:action is null or e.action = :action)
              and (:targetType is null or e.targetType = :targetType)
              and (:targetId is null or e.targetId = :targetId)
              and (cast(:from as timestamp) is null or e.occurredAt >= :from)
              and (cast(:until as timestamp) is null or e.occurredAt < :until)
            order by e.occurredAt desc, e.id desc
            """)
    Page<AuditEvent> search(@Param("actorId") String actorId, @Param("action") String action,
                            @Param("targetType") String targetType, @Param("targetId") String targetId,
                            @Param("from") Instant from, @Param("until") Instant until, Pageable pageable);
}
