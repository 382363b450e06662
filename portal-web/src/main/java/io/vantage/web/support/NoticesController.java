package io.vantage.web.support;

import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.vantage.api.security.CurrentUser;
import io.vantage.domain.notification.NotificationAcknowledgement;
import io.vantage.domain.notification.NotificationAcknowledgementRepository;

/** Acknowledging a system notice from a page (it is not shown again to this person). */
@Controller
class NoticesController {

    private final NotificationAcknowledgementRepository acknowledgements;
    private final io.vantage.domain.notification.SystemNotificationRepository notifications;
    private final Clock clock;

    NoticesController(NotificationAcknowledgementRepository acknowledgements,
                      io.vantage.domain.notification.SystemNotificationRepository notifications, Clock clock) {
        this.acknowledgements = acknowledgements;
        this.notifications = notifications;
        this.clock = clock;
    }

    @PostMapping("/notices/{id}/acknowledge")
    ResponseEntity<Void> acknowledge(CurrentUser user, @PathVariable Long id) {
        if (!notifications.existsById(id)) {
            return ResponseEntity.notFound().build();
        }
        acknowledgements.save(new NotificationAcknowledgement(id, user.id(), clock.instant()));
        return ResponseEntity.ok().build();
    }
}
