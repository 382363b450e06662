package io.vantage.api.tunnel;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vantage.api.expiry.Lifetimes;
import io.vantage.api.security.PortalSessionActivity;
import io.vantage.domain.instance.SessionMemberRepository;

/**
 * Remembers real user input (keys, mouse, notebook activity) in memory and writes it in batches, so a moving mouse
 * costs no database write; the latest time per instance and per session member wins. An instance's last use is
 * part of its lifetime, which the expiry module writes ({@link Lifetimes}); a session member's last use is the
 * tunnels' own. The same input keeps the browser session the desktop or notebook was opened from alive
 * ({@link PortalSessionActivity}).
 */
@Component
public class ActivityRecorder {

    private final Map<Long, Instant> instances = new ConcurrentHashMap<>();
    private final Map<Long, Instant> members = new ConcurrentHashMap<>();
    private final SessionMemberRepository sessionMembers;
    private final Lifetimes lifetimes;
    private final Clock clock;
    private final PortalSessionActivity portalSessions;

    ActivityRecorder(SessionMemberRepository sessionMembers, Lifetimes lifetimes, Clock clock,
                     PortalSessionActivity portalSessions) {
        this.sessionMembers = sessionMembers;
        this.lifetimes = lifetimes;
        this.clock = clock;
        this.portalSessions = portalSessions;
    }

    /** Input with no browser session behind it (an API token's ticket or cookie). */
    public void interaction(Long instanceId, Long sessionMemberId) {
        interaction(instanceId, sessionMemberId, null);
    }

    /** Input in a desktop or notebook opened from browser session {@code portalSessionId} (null: none). */
    public void interaction(Long instanceId, Long sessionMemberId, String portalSessionId) {
        portalSessions.used(portalSessionId);
        Instant now = clock.instant();
        instances.put(instanceId, now);
        if (sessionMemberId != null) {
            members.put(sessionMemberId, now);
        }
    }

    @Scheduled(fixedDelayString = "${vantage.tunnel.activity-flush:30s}")
    public void flush() {
        Map<Long, Instant> used = drain(instances);
        if (!used.isEmpty()) {
            lifetimes.recordActivity(used);
        }
        drain(members).forEach(sessionMembers::recordInteraction);
    }

    private static Map<Long, Instant> drain(Map<Long, Instant> source) {
        Map<Long, Instant> batch = new java.util.HashMap<>();
        for (Long key : source.keySet()) {
            Instant value = source.remove(key);
            if (value != null) {
                batch.put(key, value);
            }
        }
        return batch;
    }
}
