package io.vantage.api.events;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.support.NotifyRepository;

/**
 * Publishes live events through PostgreSQL NOTIFY, so a browser connected to any replica hears about changes made
 * on any other, with no broker besides the database. Inside a transaction the notification is only delivered if the
 * transaction commits.
 */
@Component
public class EventBus {

    static final String CHANNEL = "vantage_events";
    private static final int MAX_PAYLOAD = 7900;

    private final NotifyRepository notifications;
    private final JsonMapper json = JsonMapper.builder().build();

    EventBus(NotifyRepository notifications) {
        this.notifications = notifications;
    }

    public void publish(LiveEvent event) {
        String payload = json.writeValueAsString(event);
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("Live event too large for NOTIFY: " + payload.length() + " bytes");
        }
        notifications.publish(CHANNEL, payload);
    }

    LiveEvent parse(String payload) {
        return json.readValue(payload, LiveEvent.class);
    }
}
