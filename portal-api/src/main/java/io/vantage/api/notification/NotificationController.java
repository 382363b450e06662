package io.vantage.api.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.notification.NotificationAcknowledgement;
import io.vantage.domain.notification.NotificationAcknowledgementRepository;
import io.vantage.domain.notification.SystemNotification;
import io.vantage.domain.notification.SystemNotificationRepository;

/** The notifications a signed-in person should see now, until they acknowledge them. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final SystemNotificationRepository notifications;
    private final NotificationAcknowledgementRepository acknowledgements;
    private final Clock clock;

    NotificationController(SystemNotificationRepository notifications,
                           NotificationAcknowledgementRepository acknowledgements, Clock clock) {
        this.notifications = notifications;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    record Notification(Long id, String message, String level, String display, Instant activeFrom,
                        Instant activeUntil) {
        static Notification of(SystemNotification n) {
            return new Notification(n.getId(), n.getMessage(), n.getLevel().name(), n.getDisplay().name(),
                    n.getActiveFrom(), n.getActiveUntil());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<Notification> active(CurrentUser user) {
        return notifications.findUnacknowledged(user.id(), clock.instant()).stream().map(Notification::of).toList();
    }

    /** Acknowledging twice is harmless: the first time counts. */
    @PostMapping("/{id}/acknowledge")
    @Transactional
    ResponseEntity<Void> acknowledge(CurrentUser user, @PathVariable Long id) {
        if (!notifications.existsById(id)) {
            throw new NotFoundException("notification", id);
        }
        if (!acknowledgements.existsById(new NotificationAcknowledgement.Key(id, user.id()))) {
            acknowledgements.save(new NotificationAcknowledgement(id, user.id(), clock.instant()));
        }
        return ResponseEntity.noContent().build();
    }
}
