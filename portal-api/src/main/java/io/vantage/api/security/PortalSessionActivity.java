package io.vantage.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person working only inside a desktop or notebook tab sends the portal no request, so their browser session
 * would time out under them. The desktop and notebook relays report that person's input here (in memory, as
 * instance activity is), and {@link SessionExpiryWatch}, on the replica holding the connection, moves the
 * session's last access forward through Spring Session's repository before it looks for timed-out sessions: at
 * most once a minute per session (sooner only for a session whose idle timeout is under four minutes, so a short
 * timeout cannot run out between two refreshes). A session nobody works in is not touched and times out as before;
 * one already expired or ended is never brought back (the repository does not find it).
 */
@Component
public class PortalSessionActivity {

    /** The most often one session's row is written for activity in its tabs. */
    static final Duration THROTTLE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(PortalSessionActivity.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    /** The latest input per session id not yet written to the session. */
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    /** When this replica last wrote a session, and that session's idle timeout (fixed for a session's life). */
    private final Map<String, Refreshed> refreshed = new ConcurrentHashMap<>();

    private record Refreshed(Instant at, Duration timeout) {
        boolean due(Instant now) {
            Duration quarter = timeout.dividedBy(4); // a session that never times out has a negative one
            boolean shorter = !quarter.isNegative() && !quarter.isZero() && quarter.compareTo(THROTTLE) < 0;
            return !now.isBefore(at.plus(shorter ? quarter : THROTTLE));
        }
    }

    PortalSessionActivity(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    /** The person of this browser session used a desktop or notebook it opened (null: an API token's, no session). */
    public void used(String portalSessionId) {
        if (portalSessionId != null) {
            // Spring Session stamps last access with the system clock, not the portal's Clock
            used.put(portalSessionId, Instant.now());
        }
    }

    /** Writes the last access of the sessions used since their last write, those whose throttle has passed. */
    void refresh() {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        Instant now = Instant.now();
        refreshed.values().removeIf(last -> last.at().isBefore(now.minus(THROTTLE)));
        if (sessions == null || used.isEmpty()) {
            return;
        }
        for (String id : used.keySet()) {
            Refreshed last = refreshed.get(id);
            if (last == null || last.due(now)) {
                Instant at = used.remove(id);
                if (at != null) {
                    touch(sessions, id, at, now);
                }
            }
        }
    }

    private <S extends Session> void touch(FindByIndexNameSessionRepository<S> sessions, String id, Instant at,
                                           Instant now) {
        try {
            S session = sessions.findById(id); // null once expired or ended: left to time out or stay ended
            if (session == null) {
                refreshed.remove(id);
                return;
            }
            if (session.getLastAccessedTime().isBefore(at)) {
                session.setLastAccessedTime(at);
                sessions.save(session);
            }
            refreshed.put(id, new Refreshed(now, session.getMaxInactiveInterval()));
        } catch (RuntimeException e) {
            // the next input tries again; the session is not ended for a failed write
            used.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
            log.warn("Could not keep a used portal session alive: {}", e.getMessage());
        }
    }
}
