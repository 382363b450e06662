package io.vantage.api.tunnel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/** The desktop connections open on this replica, by session member, so they can be re-checked, switched or closed. */
@Component
class OpenConnections {

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

    int size() {
        return open.size();
    }
}
