package io.vantage.api.tunnel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.vantage.api.events.EventBus;
import io.vantage.api.events.LiveEvent;

/**
 * Tells a person's pages what their open desktop connection may do now, as a live event of type {@code access}:
 * {@code control} (input accepted), {@code watching} (input dropped) or {@code closed}, with a reason to show.
 * Sent by the replica holding the connection after it applied the change, so a page that hears "control" may type.
 */
@Component
class ConnectionNotices {

    enum Access { CONTROL, WATCHING, CLOSED }

    private final EventBus bus;

    ConnectionNotices(EventBus bus) {
        this.bus = bus;
    }

    void tell(TunnelConnection connection, Access access, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", connection.grant().instanceUid());
        data.put("userId", connection.userId());
        data.put("access", access.name().toLowerCase(java.util.Locale.ROOT));
        data.put("reason", reason);
        bus.publish(new LiveEvent("access", connection.grant().instanceUid(), Set.of(connection.userId()), data));
    }
}
