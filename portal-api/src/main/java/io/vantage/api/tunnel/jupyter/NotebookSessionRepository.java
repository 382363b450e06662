package io.vantage.api.tunnel.jupyter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Notebook cookies, by the hash of their value. */
@Repository
class NotebookSessionRepository {

    record Row(String userId, Long instanceId, String uid, Instant lastUsedAt, String portalSessionId) {
    }

    private final JdbcTemplate jdbc;

    NotebookSessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String hash, String userId, Long instanceId, Instant now, Instant expiresAt, String portalSessionId) {
        jdbc.update("""
                insert into notebook_sessions (token_hash, user_id, instance_id, created_at, last_used_at, expires_at,
                                               portal_session_id)
                values (?, ?, ?, ?, ?, ?, ?)""", hash, userId, instanceId, ts(now), ts(now), ts(expiresAt),
                portalSessionId);
    }

    /**
     * The session if it has neither expired nor been idle since {@code idleSince}, and the portal session it was
     * opened under (Spring Session's table) still exists and has not timed out.
     */
    Optional<Row> findValid(String hash, Instant now, Instant idleSince) {
        List<Row> rows = jdbc.query("""
                select s.user_id, s.instance_id, i.uid, s.last_used_at, s.portal_session_id
                from notebook_sessions s join instances i on i.id = s.instance_id
                where s.token_hash = ? and s.expires_at > ? and s.last_used_at > ?
                  and (s.portal_session_id is null or exists (select 1 from spring_session p
                       where p.session_id = s.portal_session_id and p.expiry_time > ?))""",
                (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5)),
                hash, ts(now), ts(idleSince), now.toEpochMilli());
        return rows.stream().findFirst();
    }

    void touch(String hash, Instant now) {
        jdbc.update("update notebook_sessions set last_used_at = greatest(last_used_at, ?) where token_hash = ?",
                ts(now), hash);
    }

    int purge(Instant now, Instant idleSince) {
        return jdbc.update("delete from notebook_sessions where expires_at <= ? or last_used_at <= ?",
                ts(now), ts(idleSince));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
