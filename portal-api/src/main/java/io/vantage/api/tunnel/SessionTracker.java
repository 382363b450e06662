package io.vantage.api.tunnel;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.events.EventBus;
import io.vantage.api.events.LiveEvent;
import io.vantage.domain.instance.InstanceSession;
import io.vantage.domain.instance.InstanceSessionRepository;
import io.vantage.domain.instance.MemberRole;
import io.vantage.domain.instance.SessionMember;
import io.vantage.domain.instance.SessionMemberRepository;

/**
 * Who is connected to which instance: rows in the database (any replica and the admin pages see them) and the
 * connections open on this replica (so they can be closed or made read-only when asked, from any replica).
 */
@Component
public class SessionTracker implements io.vantage.api.events.LocalEventHandler {

    private static final Logger log = LoggerFactory.getLogger(SessionTracker.class);

    private final InstanceSessionRepository sessions;
    private final SessionMemberRepository members;
    private final EventBus bus;
    private final TunnelProperties properties;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final Map<Long, TunnelConnection> open = new ConcurrentHashMap<>();

    SessionTracker(InstanceSessionRepository sessions, SessionMemberRepository members, EventBus bus,
                   TunnelProperties properties, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.members = members;
        this.bus = bus;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records a new connection (joining the instance's active session of that protocol, or starting one). */
    @Transactional
    public SessionMember join(TicketGrant grant, String clientId, String connectionId) {
        InstanceSession session = sessions.findFirstByInstanceIdAndProtocolAndActiveTrue(grant.instanceId(),
                grant.protocol()).orElseGet(() -> sessions.save(new InstanceSession(grant.instanceId(),
                grant.protocol(), connectionId, clock.instant())));
        if (session.getConnectionId() == null && connectionId != null) {
            session.attachConnection(connectionId);
        }
        SessionMember member = members.save(new SessionMember(session.getId(), grant.userId(), clientId, grant.role(),
                clock.instant()));
        publishSessions(grant.instanceUid(), grant.instanceId());
        return member;
    }

    /** The shared connection id of the instance's active session (Guacamole joins it), if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> activeConnectionId(Long instanceId, String protocol) {
        return sessions.findFirstByInstanceIdAndProtocolAndActiveTrue(instanceId, protocol)
                .map(InstanceSession::getConnectionId);
    }

    public void opened(TunnelConnection connection) {
        open.put(connection.sessionMemberId(), connection);
    }

    /** Records the end of a connection; when the owner leaves, the others follow the configured policy. */
    @Transactional
    public void left(TunnelConnection connection) {
        String instanceUid = connection.grant().instanceUid();
        open.remove(connection.sessionMemberId());
        members.findById(connection.sessionMemberId()).ifPresent(member -> {
            sessions.lockById(member.getSessionId());
            member.close(clock.instant());
            List<SessionMember> remaining = members.findBySessionIdAndActiveTrue(member.getSessionId()).stream()
                    .filter(m -> !m.getId().equals(member.getId())).toList();
            if (remaining.isEmpty()) {
                sessions.findById(member.getSessionId()).ifPresent(session -> session.close(clock.instant()));
            } else if (connection.owner() && remaining.stream().noneMatch(m -> m.getRole() == MemberRole.OWNER)) {
                bus.publish(new LiveEvent("tunnel-control", instanceUid, Set.of(), Map.of("instanceId",
                        connection.instanceId(), "action", properties.ownerLeaves().name())));
            }
        });
        publishSessions(instanceUid, connection.instanceId());
    }

    /** Ends one session member's connection wherever it is open (admins ending sessions). */
    public void end(Long sessionMemberId, String instanceUid) {
        bus.publish(new LiveEvent("tunnel-control", instanceUid, Set.of(), Map.of("sessionMemberId", sessionMemberId,
                "action", "END")));
    }

    @Override
    public void handle(LiveEvent event) {
        if ("tunnel-control".equals(event.type())) {
            control(event.data());
        }
    }

    /** Applies a control event (from any replica) to the connections open here. */
    void control(Map<String, Object> data) {
        String action = String.valueOf(data.get("action"));
        if (data.get("sessionMemberId") instanceof Number id) {
            TunnelConnection connection = open.get(id.longValue());
            if (connection != null) {
                connection.close("An administrator ended this session");
            }
            return;
        }
        if (data.get("instanceId") instanceof Number instanceId) {
            open.values().stream().filter(c -> c.instanceId() == instanceId.longValue() && !c.owner()).forEach(c -> {
                if ("DISCONNECT".equals(action)) {
                    c.close("The owner left the session");
                } else {
                    c.makeReadOnly();
                }
            });
            log.debug("Owner left instance {}: {} for the others", instanceId, action);
        }
    }

    /** Closes every connection open on this replica, e.g. before it shuts down; clients reconnect elsewhere. */
    public void closeAll(String reason) {
        open.values().forEach(connection -> connection.close(reason));
    }

    int openCount() {
        return open.size();
    }

    private void publishSessions(String uid, Long instanceId) {
        Set<String> viewers = new java.util.HashSet<>(jdbc.queryForList(
                "select user_id from instance_members where instance_id = ?", String.class, instanceId));
        bus.publish(new LiveEvent("sessions", uid, viewers, Map.of("uid", uid, "instanceId", instanceId)));
    }
}
