package io.vantage.api.security;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which identity-provider login each portal session belongs to (issuer, subject, the provider's session id), in
 * the database so that a back-channel logout received by any replica finds the sessions of every replica.
 */
@Repository
class OidcSessionRepository {

    record Row(String sessionId, String userId) {
    }

    private final JdbcTemplate jdbc;

    OidcSessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void register(String sessionId, String issuer, String subject, String sid, String userId) {
        jdbc.update("""
                insert into oidc_sessions (session_id, issuer, subject, sid, user_id) values (?, ?, ?, ?, ?)
                on conflict (session_id) do update set issuer = excluded.issuer, subject = excluded.subject,
                    sid = excluded.sid, user_id = excluded.user_id, created_at = now()""",
                sessionId, issuer, subject, sid, userId);
    }

    /**
     * Removes and returns the sessions a logout token names: by the provider's session id when it has one
     * (OIDC Back-Channel Logout 2.4), else every session of the subject at that issuer.
     */
    List<Row> takeByLogout(String issuer, String subject, String sid) {
        return sid != null
                ? jdbc.query("delete from oidc_sessions where issuer = ? and sid = ? returning session_id, user_id",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2)), issuer, sid)
                : jdbc.query("delete from oidc_sessions where issuer = ? and subject = ? returning session_id, user_id",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2)), issuer, subject);
    }

    void forget(Collection<String> sessionIds) {
        if (!sessionIds.isEmpty()) {
            jdbc.update("delete from oidc_sessions where session_id = any(?)", (Object) sessionIds.toArray(String[]::new));
        }
    }

    /** Rows of sessions that ended by themselves (logout, timeout); kept a while so a login in progress is safe. */
    int purgeEnded() {
        return jdbc.update("""
                delete from oidc_sessions o where created_at < now() - interval '10 minutes'
                and not exists (select 1 from spring_session s where s.session_id = o.session_id)""");
    }
}
