package io.vantage.api.tunnel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.security.AccessChange;
import io.vantage.api.security.AccessChangeListener;
import io.vantage.api.events.LiveEvent;
import io.vantage.api.events.LocalEventHandler;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.ConnectionDecision;
import io.vantage.api.security.PortalSessions;
import io.vantage.api.security.RolesNow;
import io.vantage.api.tunnel.ConnectionNotices.Access;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.SessionMemberRepository;

/**
 * Keeps this replica's open desktop connections in step with who may do what now. An access change (from any
 * replica) has {@link AccessPolicy} decide again for each connection it concerns: no access → closed with the
 * reason; a watching role → input dropped; a role that may type → input accepted again. Owner-leaves control
 * events switch the others the same way. The listener thread only picks the connections: deciding runs on one
 * thread of its own (so later changes are applied after earlier ones), closing on others (a stuck browser must not
 * hold up anyone else's decision).
 */
@Component
class LiveAccess implements AccessChangeListener, LocalEventHandler, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveAccess.class);
    static final String SESSION_ENDED = "Your portal session ended";

    private final OpenConnections open;
    private final InstanceRepository instances;
    private final SessionMemberRepository members;
    private final AccessPolicy access;
    private final RolesNow roles;
    private final ConnectionNotices notices;
    private final PortalSessions sessions;
    private final TransactionTemplate tx;
    private final ExecutorService decider = Executors.newSingleThreadExecutor(daemon("access-decider"));
    private final ExecutorService closer = Executors.newCachedThreadPool(daemon("access-closer"));

    LiveAccess(OpenConnections open, InstanceRepository instances, SessionMemberRepository members,
               AccessPolicy access, RolesNow roles, ConnectionNotices notices, PortalSessions sessions,
               TransactionTemplate tx) {
        this.sessions = sessions;
        this.open = open;
        this.instances = instances;
        this.members = members;
        this.access = access;
        this.roles = roles;
        this.notices = notices;
        this.tx = tx;
    }

    @Override
    public void accessChanged(AccessChange change) {
        List<OpenConnection> concerned = open.where(c -> change.concerns(c.userId(), c.instanceId()));
        if (!concerned.isEmpty()) {
            decider.execute(() -> recheck(concerned, change.reason()));
        }
    }

    /** A connection just registered: a change made since its ticket was redeemed would otherwise be missed. */
    void opened(OpenConnection connection) {
        decider.execute(() -> recheck(List.of(connection), null));
    }

    private void recheck(List<OpenConnection> connections, String reason) {
        Map<String, List<OpenConnection>> byPersonAndInstance = withSession(connections, reason).stream()
                .collect(Collectors.groupingBy(
                c -> c.connection().userId() + "/" + c.connection().instanceId(), LinkedHashMap::new,
                Collectors.toList()));
        byPersonAndInstance.values().forEach(group -> {
            try {
                apply(group, decide(group.get(0).connection()), reason);
            } catch (RuntimeException e) {
                log.warn("Could not re-check access of user {} to instance {}: {}", group.get(0).connection().userId(),
                        group.get(0).connection().grant().instanceUid(), e.toString());
            }
        });
    }

    /**
     * Closes the connections whose browser session ended (signed out, logged out at the identity provider, ended
     * by an admin): a connection lasts no longer than the session that opened it. Returns the others.
     */
    private List<OpenConnection> withSession(List<OpenConnection> connections, String reason) {
        List<OpenConnection> live = new java.util.ArrayList<>();
        for (OpenConnection connection : connections) {
            String session = connection.connection().grant().portalSessionId();
            try {
                if (session == null || sessions.exists(session)) {
                    live.add(connection);
                    continue;
                }
            } catch (RuntimeException e) {
                log.warn("Could not look up the portal session of a connection: {}", e.toString());
                live.add(connection);
                continue;
            }
            // the connection's own close says why; the person's other pages keep their connections, so no notice
            close(connection, reason != null ? reason : SESSION_ENDED);
        }
        return live;
    }

    private ConnectionDecision decide(TunnelConnection connection) {
        return tx.execute(status -> instances.findById(connection.instanceId())
                .map(instance -> access.connection(roles.of(connection.userId()), instance))
                .orElseGet(() -> new ConnectionDecision(null, "The instance was deleted")));
    }

    private void apply(List<OpenConnection> group, ConnectionDecision decision, String reason) {
        if (!decision.allowed()) {
            String shown = reason != null ? reason : decision.endReason();
            group.forEach(c -> close(c, shown));
            notices.tell(group.get(0).connection(), Access.CLOSED, shown);
            return;
        }
        boolean switched = false;
        for (OpenConnection connection : group) {
            if (connection.role() != decision.role()) {
                tx.executeWithoutResult(status -> members.findById(connection.connection().sessionMemberId())
                        .ifPresent(member -> member.actAs(decision.role())));
            }
            switched |= connection.actAs(decision.role());
        }
        if (switched) {
            OpenConnection first = group.get(0);
            notices.tell(first.connection(), first.watching() ? Access.WATCHING : Access.CONTROL, reason);
        }
    }

    @Override
    public void handle(LiveEvent event) {
        if (SessionTracker.CONTROL.equals(event.type())) {
            Map<String, Object> data = event.data();
            decider.execute(() -> control(data));
        }
    }

    /** An administrator ending one connection, or the owner leaving or coming back (from any replica). */
    private void control(Map<String, Object> data) {
        String action = String.valueOf(data.get("action"));
        if (data.get("sessionMemberId") instanceof Number id) {
            OpenConnection connection = open.get(id.longValue());
            if (connection != null) {
                close(connection, "An administrator ended this session");
                notices.tell(connection.connection(), Access.CLOSED, "An administrator ended this session");
            }
            return;
        }
        if (data.get("instanceId") instanceof Number instanceId) {
            open.where(c -> c.instanceId() == instanceId.longValue() && !c.owner()).forEach(c -> {
                switch (action) {
                    case "DISCONNECT" -> {
                        close(c, "The owner left the session");
                        notices.tell(c.connection(), Access.CLOSED, "The owner left the session");
                    }
                    case "OWNER_BACK" -> {
                        if (c.ownerAway(false)) {
                            notices.tell(c.connection(), Access.CONTROL, "The owner is back");
                        }
                    }
                    default -> {
                        if (c.ownerAway(true)) {
                            notices.tell(c.connection(), Access.WATCHING,
                                    "The owner left the session; you watch until they come back");
                        }
                    }
                }
            });
        }
    }

    private void close(OpenConnection connection, String reason) {
        closer.execute(() -> connection.connection().close(reason));
    }

    @Override
    public void destroy() {
        decider.shutdownNow();
        closer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
