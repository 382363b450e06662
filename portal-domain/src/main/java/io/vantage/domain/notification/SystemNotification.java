package io.vantage.domain.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message admins show to everyone: maintenance, incidents, news. */
@Entity
@Table(name = "system_notifications")
public class SystemNotification {

    public enum Level { INFO, WARNING, CRITICAL }

    public enum Display { BANNER, MODAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String message;
    @Enumerated(EnumType.STRING)
    private Level level;
    @Enumerated(EnumType.STRING)
    private Display display;
    private Instant activeFrom;
    private Instant activeUntil;
    private boolean enabled;
    private String createdBy;
    private Instant createdAt;

    protected SystemNotification() {
    }

    public SystemNotification(String message, Level level, Display display, Instant activeFrom, Instant activeUntil,
                              String createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.enabled = true;
        update(message, level, display, activeFrom, activeUntil);
    }

    public void update(String newMessage, Level newLevel, Display newDisplay, Instant from, Instant until) {
        if (newMessage == null || newMessage.isBlank()) {
            throw new IllegalArgumentException("A notification needs a message");
        }
        if (from != null && until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("A notification must end after it starts");
        }
        this.message = newMessage;
        this.level = newLevel;
        this.display = newDisplay;
        this.activeFrom = from;
        this.activeUntil = until;
    }

    public boolean isActive(Instant now) {
        return enabled && (activeFrom == null || !now.isBefore(activeFrom)) && (activeUntil == null || now.isBefore(activeUntil));
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public String getMessage() {
        return message;
    }

    public Level getLevel() {
        return level;
    }

    public Display getDisplay() {
        return display;
    }

    public Instant getActiveFrom() {
        return activeFrom;
    }

    public Instant getActiveUntil() {
        return activeUntil;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
