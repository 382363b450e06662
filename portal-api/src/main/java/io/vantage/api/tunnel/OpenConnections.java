package io.vantage.api.tunnel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import io.vantage.api.security.PortalSessionHolder;

/** The desktop connections open on this replica, by session member, so they can be re-checked, switched or closed. */
@Component
class OpenConnections implements PortalSessionHolder {

    private final Map<Long, OpenConnection> open = new ConcurrentHashMap<>();

    OpenConnection add(TunnelConnection connection) {
        OpenConnection added = new OpenConnection(connection);
        open.put(connection.sessionMemberId(), added);
        return added;
    }

    void remove(TunnelConnection connection) {
        open.remove(connection.sessionMemberId());
    }

    OpenConnection get(Long sessionMemberId) {
        return open.get(sessionMemberId);
    }

    List<OpenConnection> where(Predicate<TunnelConnection> test) {
        return open.values().stream().filter(c -> test.test(c.connection())).toList();
    }

    /** The browser sessions these connections were opened from (those an API token opened belong to none). */
    @Override
    public Map<String, String> heldSessions() {
        Map<String, String> held = new java.util.HashMap<>();
        open.values().forEach(c -> {
            if (c.connection().grant().portalSessionId() != null) {
                held.put(c.connection().grant().portalSessionId(), c.connection().userId());
            }
        });
        return held;
    }

    int size() {
        return open.size();
    }
}
