package io.vantage.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;


/**
 * Sign-out, back-channel logout and an admin ending sessions announce themselves; a session that times out (or whose
 * row Spring Session's cleanup, or a request finding it expired, deletes) does not. So each replica looks, every
 * {@code vantage.auth.session-expiry-check}, at the portal sessions it holds something open for, and for those that
 * no longer exist publishes an access change for their person: every replica then closes that session's desktops,
 * notebook websockets and event streams, and forgets its notebook cookies. Each replica looks at what it holds
 * itself (memory only it has), so this is not a ShedLock job: there is nothing for replicas to share or take turns at.
 * Input in those desktops and notebooks keeps their session alive ({@link PortalSessionActivity}), written by the
 * replica that saw it just before it looks.
 */
@Component
class SessionExpiryWatch {

    static final String REASON = "Your portal session expired.";
    /** A session already told about and still held (its close failed or the notification was lost) is told again. */
    private static final Duration RETELL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SessionExpiryWatch.class);

    private final ObjectProvider<PortalSessionHolder> holders;
    private final PortalSessionRepository sessions;
    private final AccessChanges accessChanges;
    private final PortalSessionActivity activity;
    private final Map<String, Instant> told = new ConcurrentHashMap<>();

    SessionExpiryWatch(ObjectProvider<PortalSessionHolder> holders, PortalSessionRepository sessions,
                       AccessChanges accessChanges, PortalSessionActivity activity) {
        this.holders = holders;
        this.sessions = sessions;
        this.accessChanges = accessChanges;
        this.activity = activity;
    }

    @Scheduled(fixedDelayString = "${vantage.auth.session-expiry-check:2s}",
            initialDelayString = "${vantage.auth.session-expiry-check:2s}")
    void run() {
        // first, so a session used only inside its desktops and notebooks is found alive
        activity.refresh();
        Map<String, String> held = new HashMap<>();
        holders.orderedStream().forEach(holder -> held.putAll(holder.heldSessions()));
        told.keySet().retainAll(held.keySet());
        if (held.isEmpty()) {
            return;
        }
        // Spring Session stamps expiry_time with the system clock (not the portal's Clock), so compare with that
        Instant now = Instant.now();
        Set<String> live = sessions.live(held.keySet(), now);
        Set<String> people = new LinkedHashSet<>();
        held.forEach((sessionId, userId) -> {
            Instant before = told.get(sessionId);
            if (!live.contains(sessionId) && (before == null || before.isBefore(now.minus(RETELL)))) {
                told.put(sessionId, now);
                people.add(userId);
            }
        });
        for (String userId : people) {
            accessChanges.publish(AccessChange.person(userId, REASON));
        }
        if (!people.isEmpty()) {
            log.info("Portal session(s) of {} expired or were removed: closing what they opened", people);
        }
    }
}
