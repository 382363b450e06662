package io.vantage.api.notification;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/admin/notifications")
@PreAuthorize("hasRole('ADMIN')")
class NotificationAdminController {

    private final NotificationAdmin notifications;

    NotificationAdminController(NotificationAdmin notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    List<NotificationView> list() {
        return notifications.list();
    }

    @GetMapping("/{id}")
    NotificationView get(@PathVariable Long id) {
        return notifications.get(id);
    }

    @PostMapping
    ResponseEntity<NotificationView> create(CurrentUser admin,
                                            @Valid @RequestBody NotificationAdmin.NotificationRequest request) {
        NotificationView created = notifications.create(admin, request);
        return ResponseEntity.created(URI.create("/api/admin/notifications/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    NotificationView update(CurrentUser admin, @PathVariable Long id,
                            @Valid @RequestBody NotificationAdmin.NotificationRequest request) {
        return notifications.update(admin, id, request);
    }

    @PostMapping("/{id}/enable")
    NotificationView enable(CurrentUser admin, @PathVariable Long id) {
        return notifications.enable(admin, id, true);
    }

    @PostMapping("/{id}/disable")
    NotificationView disable(CurrentUser admin, @PathVariable Long id) {
        return notifications.enable(admin, id, false);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser admin, @PathVariable Long id) {
        notifications.delete(admin, id);
        return ResponseEntity.noContent().build();
    }
}
