package io.vantage.web.notification;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import io.vantage.api.notification.NotificationAdmin;
import io.vantage.api.notification.NotificationView;
import io.vantage.web.admin.AdminTime;

/** A message to everyone; without dates it shows from now until disabled or deleted. */
class NotificationForm {

    @NotBlank @Size(max = 4000) private String message;
    private String level = "INFO";
    private String display = "BANNER";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime activeFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime activeUntil;

    static NotificationForm of(NotificationView view) {
        NotificationForm form = new NotificationForm();
        form.message = view.message();
        form.level = view.level();
        form.display = view.display();
        form.activeFrom = AdminTime.local(view.activeFrom());
        form.activeUntil = AdminTime.local(view.activeUntil());
        return form;
    }

    NotificationAdmin.NotificationRequest toRequest() {
        return new NotificationAdmin.NotificationRequest(message, level, display, AdminTime.instant(activeFrom),
                AdminTime.instant(activeUntil));
    }

    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getDisplay() { return display; }
    public void setDisplay(String display) { this.display = display; }
    public LocalDateTime getActiveFrom() { return activeFrom; }
    public void setActiveFrom(LocalDateTime activeFrom) { this.activeFrom = activeFrom; }
    public LocalDateTime getActiveUntil() { return activeUntil; }
    public void setActiveUntil(LocalDateTime activeUntil) { this.activeUntil = activeUntil; }
}
