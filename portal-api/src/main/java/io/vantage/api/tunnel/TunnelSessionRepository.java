package io.vantage.api.tunnel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who is connected where ({@code instance_sessions}, {@code instance_session_members}), read for people. */
@Repository
class TunnelSessionRepository {

    private final JdbcTemplate jdbc;

    TunnelSessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ConnectedMember> connectedTo(Long instanceId) {
        return jdbc.query("""
                select m.id, m.user_id, coalesce(u.first_name || ' ', '') || u.last_name, m.role, s.protocol,
                       m.created_at, m.last_interaction_at
                from instance_session_members m
                join instance_sessions s on s.id = m.session_id
                join users u on u.id = m.user_id
                where s.instance_id = ? and m.active order by m.created_at""",
                TunnelSessionRepository::connected, instanceId);
    }

    /** Everyone connected anywhere, newest first (at most 500), named with their instance. */
    List<ConnectedMember> allConnected() {
        return jdbc.query("""
                select m.id, m.user_id, i.uid || ' · ' || coalesce(u.first_name || ' ', '') || u.last_name, m.role,
                       s.protocol, m.created_at, m.last_interaction_at
                from instance_session_members m join instance_sessions s on s.id = m.session_id
                join instances i on i.id = s.instance_id join users u on u.id = m.user_id
                where m.active order by m.created_at desc limit 500""",
                TunnelSessionRepository::connected);
    }

    /** The uid of the instance this session member is connected to, while the connection is active. */
    List<String> instanceUidOfActiveMember(Long sessionMemberId) {
        return jdbc.queryForList("""
                select i.uid from instance_session_members m join instance_sessions s on s.id = m.session_id
                join instances i on i.id = s.instance_id where m.id = ? and m.active""", String.class, sessionMemberId);
    }

    /** Who may see the instance's sessions: its members. */
    List<String> memberIds(Long instanceId) {
        return jdbc.queryForList("select user_id from instance_members where instance_id = ?", String.class,
                instanceId);
    }

    private static ConnectedMember connected(ResultSet rs, int n) throws SQLException {
        return new ConnectedMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
    }
}
