package io.vantage.api.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.admin.AdminAudit;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.notification.SystemNotification;
import io.vantage.domain.notification.SystemNotificationRepository;

/** Messages to everyone (maintenance, incidents, news), shown between their dates while enabled. */
@Service
public class NotificationAdmin {

    private final SystemNotificationRepository notifications;
    private final AdminAudit audit;
    private final Clock clock;

    NotificationAdmin(SystemNotificationRepository notifications, AdminAudit audit, Clock clock) {
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** Without dates a notification shows from now until it is disabled or deleted. */
    public record NotificationRequest(@NotBlank @Size(max = 4000) String message,
                               @Pattern(regexp = "INFO|WARNING|CRITICAL", message = "must be INFO, WARNING or CRITICAL")
                               String level,
                               @Pattern(regexp = "BANNER|MODAL", message = "must be BANNER or MODAL") String display,
                               Instant activeFrom,
                               Instant activeUntil) {

        SystemNotification.Level levelOrDefault() {
            return level == null ? SystemNotification.Level.INFO : SystemNotification.Level.valueOf(level);
        }

        SystemNotification.Display displayOrDefault() {
            return display == null ? SystemNotification.Display.BANNER : SystemNotification.Display.valueOf(display);
        }

        void check() {
            if (activeFrom != null && activeUntil != null && !activeUntil.isAfter(activeFrom)) {
                throw new FieldException("activeUntil", "must be after activeFrom");
            }
        }
    }

    @Transactional(readOnly = true)
    public List<NotificationView> list() {
        Instant now = clock.instant();
        return notifications.findAllByOrderByCreatedAtDesc().stream().map(n -> NotificationView.of(n, now)).toList();
    }

    @Transactional(readOnly = true)
    public NotificationView get(Long id) {
        return NotificationView.of(find(id), clock.instant());
    }

    @Transactional
    public NotificationView create(CurrentUser actor, NotificationRequest request) {
        request.check();
        Instant now = clock.instant();
        SystemNotification notification = notifications.save(new SystemNotification(request.message(),
                request.levelOrDefault(), request.displayOrDefault(), request.activeFrom(), request.activeUntil(),
                actor.id(), now));
        audit.success(actor, "admin.notification.create", "notification", notification.getId(),
                notification.getLevel() + ": " + notification.getMessage());
        return NotificationView.of(notification, now);
    }

    @Transactional
    public NotificationView update(CurrentUser actor, Long id, NotificationRequest request) {
        request.check();
        SystemNotification notification = find(id);
        notification.update(request.message(), request.levelOrDefault(), request.displayOrDefault(),
                request.activeFrom(), request.activeUntil());
        audit.success(actor, "admin.notification.update", "notification", id,
                notification.getLevel() + ": " + notification.getMessage());
        return NotificationView.of(notification, clock.instant());
    }

    @Transactional
    public NotificationView enable(CurrentUser actor, Long id, boolean enabled) {
        SystemNotification notification = find(id);
        notification.setEnabled(enabled);
        audit.success(actor, enabled ? "admin.notification.enable" : "admin.notification.disable", "notification",
                id, null);
        return NotificationView.of(notification, clock.instant());
    }

    @Transactional
    public void delete(CurrentUser actor, Long id) {
        SystemNotification notification = find(id);
        notifications.delete(notification);
        audit.success(actor, "admin.notification.delete", "notification", id, notification.getMessage());
    }

    private SystemNotification find(Long id) {
        return notifications.findById(id).orElseThrow(() -> new NotFoundException("notification", id));
    }
}
