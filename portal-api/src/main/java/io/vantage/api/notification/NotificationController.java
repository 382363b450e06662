package io.vantage.api.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.notification.SystemNotification;

/** The notifications a signed-in person should see now, until they acknowledge them. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notices notices;

    NotificationController(Notices notices) {
        this.notices = notices;
    }

    record Notification(Long id, String message, String level, String display, Instant activeFrom,
                        Instant activeUntil) {
        static Notification of(SystemNotification n) {
            return new Notification(n.getId(), n.getMessage(), n.getLevel().name(), n.getDisplay().name(),
                    n.getActiveFrom(), n.getActiveUntil());
        }
    }

    @GetMapping
    List<Notification> active(CurrentUser user) {
        return notices.unacknowledged(user.id(), Notification::of);
    }

    /** Acknowledging twice is harmless: the first time counts. */
    @PostMapping("/{id}/acknowledge")
    ResponseEntity<Void> acknowledge(CurrentUser user, @PathVariable Long id) {
        if (!notices.acknowledge(user.id(), id)) {
            throw new NotFoundException("notification", id);
        }
        return ResponseEntity.noContent().build();
    }
}
