package io.vantage.api.tunnel;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * connections open on this replica (which {@link LiveAccess} keeps in step with access changes from any replica).
 */
@Component
public class SessionTracker {

    /** Live events for the replicas holding connections: an admin ends one, the owner leaves or comes back. */
    static final String CONTROL = "tunnel-control";

    private final InstanceSessionRepository sessions;
    private final SessionMemberRepository members;
    private final EventBus bus;
    private final TunnelProperties properties;
    private final Clock clock;
    private final TunnelSessionRepository repository;
    private final OpenConnections open;
    private final LiveAccess live;

    SessionTracker(InstanceSessionRepository sessions, SessionMemberRepository members, EventBus bus,
                   TunnelProperties properties, Clock clock, TunnelSessionRepository repository,
                   OpenConnections open, LiveAccess live) {
        this.repository = repository;
        this.open = open;
        this.live = live;
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
        if (grant.role() == MemberRole.OWNER && properties.ownerLeaves() == TunnelProperties.OwnerLeaves.READ_ONLY) {
            // members left watching when the owner went away may type again
            bus.publish(new LiveEvent(CONTROL, grant.instanceUid(), Set.of(), Map.of("instanceId", grant.instanceId(),
                    "action", "OWNER_BACK")));
        }
        publishSessions(grant.instanceUid(), grant.instanceId());
        return member;
    }

    /** The shared connection id of the instance's active session (Guacamole joins it), if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> activeConnectionId(Long instanceId, String protocol) {
        return sessions.findFirstByInstanceIdAndProtocolAndActiveTrue(instanceId, protocol)
                .map(InstanceSession::getConnectionId);
    }

    /** A recorded connection is open on this replica: from now on access changes reach it. */
    public void opened(TunnelConnection connection) {
        live.opened(open.add(connection));
    }

    /** Records the end of a connection; when the owner leaves, the others follow the configured policy. */
    @Transactional
    public void left(TunnelConnection connection) {
        String instanceUid = connection.grant().instanceUid();
        open.remove(connection);
        members.findById(connection.sessionMemberId()).ifPresent(member -> {
            sessions.lockById(member.getSessionId());
            member.close(clock.instant());
            List<SessionMember> remaining = members.findBySessionIdAndActiveTrue(member.getSessionId()).stream()
                    .filter(m -> !m.getId().equals(member.getId())).toList();
            if (remaining.isEmpty()) {
                sessions.findById(member.getSessionId()).ifPresent(session -> session.close(clock.instant()));
            } else if (connection.owner() && remaining.stream().noneMatch(m -> m.getRole() == MemberRole.OWNER)) {
                bus.publish(new LiveEvent(CONTROL, instanceUid, Set.of(), Map.of("instanceId",
                        connection.instanceId(), "action", properties.ownerLeaves().name())));
            }
        });
        publishSessions(instanceUid, connection.instanceId());
    }

    /** Ends one session member's connection wherever it is open (admins ending sessions). */
    public void end(Long sessionMemberId, String instanceUid) {
        bus.publish(new LiveEvent(CONTROL, instanceUid, Set.of(), Map.of("sessionMemberId", sessionMemberId,
                "action", "END")));
    }

    /** Closes every connection open on this replica, e.g. before it shuts down; clients reconnect elsewhere. */
    public void closeAll(String reason) {
        open.where(connection -> true).forEach(connection -> connection.connection().close(reason));
    }

    int openCount() {
        return open.size();
    }

    private void publishSessions(String uid, Long instanceId) {
        Set<String> viewers = new java.util.HashSet<>(repository.memberIds(instanceId));
        bus.publish(new LiveEvent("sessions", uid, viewers, Map.of("uid", uid, "instanceId", instanceId)));
    }
}
