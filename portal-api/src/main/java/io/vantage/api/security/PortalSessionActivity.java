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
 * session's last access forward through Spring Session's repository before it looks for timed-out sessions. The
 * session is read for that (one read per used session per pass) but written at most once a minute (sooner only for
 * a session whose idle timeout is under four minutes, so a short timeout cannot run out between two writes). A
 * session nobody works in is not touched and times out as before; one already expired or ended is never brought
 * back (the repository does not find it, and a write to a row deleted meanwhile changes nothing).
 */
@Component
public class PortalSessionActivity {

    /** The most often one session's row is written for activity in its tabs. */
    static final Duration THROTTLE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(PortalSessionActivity.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    /** The latest input per session id not yet looked at. */
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

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

    /** Moves forward the last access of the sessions used since the last pass, where it is older than the throttle. */
    void refresh() {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return;
        }
        for (String id : used.keySet()) {
            Instant at = used.remove(id);
            if (at != null) {
                touch(sessions, id, at);
            }
        }
    }

    private <S extends Session> void touch(FindByIndexNameSessionRepository<S> sessions, String id, Instant at) {
        try {
            S session = sessions.findById(id); // null once expired or ended: left to time out or stay ended
            if (session != null && session.getLastAccessedTime().isBefore(at.minus(throttle(session)))) {
                session.setLastAccessedTime(at);
                sessions.save(session);
            }
        } catch (RuntimeException e) {
            // the next input tries again; the session is not ended for a failed write
            log.warn("Could not keep a used portal session alive: {}", e.getMessage());
        }
    }

    private static Duration throttle(Session session) {
        Duration quarter = session.getMaxInactiveInterval().dividedBy(4); // negative: the session never times out
        return !quarter.isNegative() && !quarter.isZero() && quarter.compareTo(THROTTLE) < 0 ? quarter : THROTTLE;
    }
}
