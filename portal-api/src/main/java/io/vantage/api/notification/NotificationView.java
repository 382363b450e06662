package io.vantage.api.notification;

import java.time.Instant;

import io.vantage.domain.notification.SystemNotification;

/** A notification as admins manage it; {@code active} says whether people see it right now. */
public record NotificationView(Long id, String message, String level, String display, Instant activeFrom,
                        Instant activeUntil, boolean enabled, boolean active, String createdBy, Instant createdAt) {

    static NotificationView of(SystemNotification n, Instant now) {
        return new NotificationView(n.getId(), n.getMessage(), n.getLevel().name(), n.getDisplay().name(),
                n.getActiveFrom(), n.getActiveUntil(), n.isEnabled(), n.isActive(now), n.getCreatedBy(),
                n.getCreatedAt());
    }
}
