package io.vantage.domain.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SystemNotificationRepository extends JpaRepository<SystemNotification, Long> {

    /** Active notifications the user has not acknowledged yet. */
    @Query("""
            select n from SystemNotification n
            where n.enabled = true
              and (n.activeFrom is null or n.activeFrom <= :now)
              and (n.activeUntil is null or n.activeUntil > :now)
              and not exists (select 1 from NotificationAcknowledgement a
                              where a.notificationId = n.id and a.userId = :userId)
            order by n.level desc, n.createdAt desc
            """)
    List<SystemNotification> findUnacknowledged(@Param("userId") String userId, @Param("now") Instant now);

    List<SystemNotification> findAllByOrderByCreatedAtDesc();
}
