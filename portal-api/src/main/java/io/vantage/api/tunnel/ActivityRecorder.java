package io.vantage.api.tunnel;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vantage.api.expiry.Lifetimes;
import io.vantage.api.security.PortalSessionActivity;

/**
 * Remembers real user input (keys, mouse, notebook activity) in memory and writes it in batches, so a moving mouse
 * costs no database write; the latest time per instance and per session member wins. An instance's last use is
 * part of its lifetime, which the expiry module writes ({@link Lifetimes}). The same input keeps the browser
 * session the desktop or notebook was opened from alive ({@link PortalSessionActivity}).
 */
@Component
public class ActivityRecorder {

    private final Map<Long, Instant> instances = new ConcurrentHashMap<>();
    private final Map<Long, Instant> members = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final Lifetimes lifetimes;
    private final Clock clock;
    private final PortalSessionActivity portalSessions;

    ActivityRecorder(JdbcTemplate jdbc, Lifetimes lifetimes, Clock clock, PortalSessionActivity portalSessions) {
        this.jdbc = jdbc;
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
        drain(members).forEach((id, at) -> jdbc.update("""
                update instance_session_members
                set last_interaction_at = greatest(coalesce(last_interaction_at, ?), ?) where id = ?""",
                ts(at), ts(at), id));
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

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
