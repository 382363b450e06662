package io.vantage.domain.notification;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationAcknowledgementRepository
        extends JpaRepository<NotificationAcknowledgement, NotificationAcknowledgement.Key> {
}
