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

    record Row(String userId, Long instanceId, String uid, Instant lastUsedAt) {
    }

    private final JdbcTemplate jdbc;

    NotebookSessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String hash, String userId, Long instanceId, Instant now, Instant expiresAt) {
        jdbc.update("""
                insert into notebook_sessions (token_hash, user_id, instance_id, created_at, last_used_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""", hash, userId, instanceId, ts(now), ts(now), ts(expiresAt));
    }

    /** The session if it has neither expired nor been idle since {@code idleSince}. */
    Optional<Row> findValid(String hash, Instant now, Instant idleSince) {
        List<Row> rows = jdbc.query("""
                select s.user_id, s.instance_id, i.uid, s.last_used_at
                from notebook_sessions s join instances i on i.id = s.instance_id
                where s.token_hash = ? and s.expires_at > ? and s.last_used_at > ?""",
                (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                hash, ts(now), ts(idleSince));
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
