package io.vantage.api.notification;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.notification.NotificationAcknowledgement;
import io.vantage.domain.notification.NotificationAcknowledgementRepository;
import io.vantage.domain.notification.SystemNotification;
import io.vantage.domain.notification.SystemNotificationRepository;

/** The system notifications a signed-in person should see now, until they acknowledge them. */
@Service
public class Notices {

    private final SystemNotificationRepository notifications;
    private final NotificationAcknowledgementRepository acknowledgements;
    private final Clock clock;

    Notices(SystemNotificationRepository notifications, NotificationAcknowledgementRepository acknowledgements,
            Clock clock) {
        this.notifications = notifications;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    /** The active ones this person has not acknowledged, each turned into the caller's view in the transaction. */
    @Transactional(readOnly = true)
    public <T> List<T> unacknowledged(String userId, Function<SystemNotification, T> view) {
        return notifications.findUnacknowledged(userId, clock.instant()).stream().map(view).toList();
    }

    /** False when there is no such notification; acknowledging twice is harmless: the first time counts. */
    @Transactional
    public boolean acknowledge(String userId, Long id) {
        if (!notifications.existsById(id)) {
            return false;
        }
        if (!acknowledgements.existsById(new NotificationAcknowledgement.Key(id, userId))) {
            acknowledgements.save(new NotificationAcknowledgement(id, userId, clock.instant()));
        }
        return true;
    }

    /**
     * False when there is no such notification; otherwise records the acknowledgement now, a later one replacing an
     * earlier one (what the pages have always done, outside one transaction).
     */
    public boolean acknowledgeNow(String userId, Long id) {
        if (!notifications.existsById(id)) {
            return false;
        }
        acknowledgements.save(new NotificationAcknowledgement(id, userId, clock.instant()));
        return true;
    }
}
