package io.vantage.api.tunnel;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;

/** Who is connected to an instance now (members see it), and admins ending a connection. */
@RestController
class SessionsController {

    record Connected(Long id, String userId, String name, String role, String protocol, Instant since,
                     Instant lastInteraction) {
    }

    private final InstanceRepository instances;
    private final AccessPolicy access;
    private final SessionTracker sessions;
    private final JdbcTemplate jdbc;

    SessionsController(InstanceRepository instances, AccessPolicy access, SessionTracker sessions, JdbcTemplate jdbc) {
        this.instances = instances;
        this.access = access;
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/instances/{uid}/sessions")
    @Transactional(readOnly = true)
    List<Connected> connected(CurrentUser user, @PathVariable String uid) {
        Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
        access.requireView(user, instance);
        return jdbc.query("""
                select m.id, m.user_id, coalesce(u.first_name || ' ', '') || u.last_name, m.role, s.protocol,
                       m.created_at, m.last_interaction_at
                from instance_session_members m
                join instance_sessions s on s.id = m.session_id
                join users u on u.id = m.user_id
                where s.instance_id = ? and m.active order by m.created_at""",
                (rs, n) -> new Connected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), instance.getId());
    }

    @GetMapping("/api/admin/sessions")
    List<Connected> all() {
        return jdbc.query("""
                select m.id, m.user_id, i.uid || ' · ' || coalesce(u.first_name || ' ', '') || u.last_name, m.role,
                       s.protocol, m.created_at, m.last_interaction_at
                from instance_session_members m join instance_sessions s on s.id = m.session_id
                join instances i on i.id = s.instance_id join users u on u.id = m.user_id
                where m.active order by m.created_at desc limit 500""",
                (rs, n) -> new Connected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()));
    }

    /** Ends a connection wherever it is open (any replica). */
    @DeleteMapping("/api/admin/sessions/{id}")
    ResponseEntity<Void> end(@PathVariable Long id) {
        List<String> uid = jdbc.queryForList("""
                select i.uid from instance_session_members m join instance_sessions s on s.id = m.session_id
                join instances i on i.id = s.instance_id where m.id = ? and m.active""", String.class, id);
        if (uid.isEmpty()) {
            throw new NotFoundException("session", id);
        }
        sessions.end(id, uid.get(0));
        return ResponseEntity.accepted().build();
    }
}
