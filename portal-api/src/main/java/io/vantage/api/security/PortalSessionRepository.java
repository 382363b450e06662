package io.vantage.api.security;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads Spring Session's table (written by Spring Session JDBC alone) for the ids of sessions that still hold. */
@Repository
class PortalSessionRepository {

    private final JdbcTemplate jdbc;

    PortalSessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of these session ids whose session exists and has not timed out at {@code now}. */
    Set<String> live(Collection<String> sessionIds, Instant now) {
        return new HashSet<>(jdbc.queryForList(
                "select session_id from spring_session where session_id = any(?) and expiry_time >= ?", String.class,
                sessionIds.toArray(String[]::new), now.toEpochMilli()));
    }
}
