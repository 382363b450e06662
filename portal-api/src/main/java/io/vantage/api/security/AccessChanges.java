package io.vantage.api.security;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.support.NotifyRepository;

/**
 * Publishes {@link AccessChange}s on a NOTIFY channel of their own, apart from the browsers' events, so every
 * replica (this one included) re-checks what it holds within the listener's poll interval. Inside a transaction
 * the notification is delivered only if the change commits; call it in the transaction that makes the change.
 */
@Component
public class AccessChanges {

    public static final String CHANNEL = "vantage_access";

    private final NotifyRepository notifications;
    private final JsonMapper json = JsonMapper.builder().build();

    AccessChanges(NotifyRepository notifications) {
        this.notifications = notifications;
    }

    public void publish(AccessChange change) {
        notifications.publish(CHANNEL, json.writeValueAsString(change));
    }

    public AccessChange parse(String payload) {
        return json.readValue(payload, AccessChange.class);
    }
}
