package io.vantage.domain.notification;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "notification_acknowledgements")
@IdClass(NotificationAcknowledgement.Key.class)
public class NotificationAcknowledgement {

    @Id
    private Long notificationId;
    @Id
    private String userId;
    private Instant acknowledgedAt;

    protected NotificationAcknowledgement() {
    }

    public NotificationAcknowledgement(Long notificationId, String userId, Instant now) {
        this.notificationId = notificationId;
        this.userId = userId;
        this.acknowledgedAt = now;
    }

    public Long getNotificationId() {
        return notificationId;
    }

    public String getUserId() {
        return userId;
    }

    public static class Key implements Serializable {
        private Long notificationId;
        private String userId;

        public Key() {
        }

        public Key(Long notificationId, String userId) {
            this.notificationId = notificationId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(notificationId, key.notificationId)
                    && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(notificationId, userId);
        }
    }
}
