package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.net.GuacamoleSocket;
import org.apache.guacamole.protocol.ConfiguredGuacamoleSocket;
import org.apache.guacamole.protocol.GuacamoleClientInformation;
import org.apache.guacamole.protocol.GuacamoleConfiguration;
import org.apache.guacamole.protocol.GuacamoleStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.vantage.api.tunnel.SessionTracker;
import io.vantage.api.tunnel.TicketGrant;
import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.SessionMember;

/**
 * Opens a member's guacd connection: the first one of an instance starts a VNC connection, the next ones join it by
 * its connection id, so everyone sees the same screen. Recorded as a session member before anyone else may join.
 */
@Component
class GuacdConnector {

    static final String PROTOCOL = ProtocolKind.GUACD.name();
    private static final Logger log = LoggerFactory.getLogger(GuacdConnector.class);

    private final TunnelTargets targets;
    private final SessionTracker tracker;
    private final StaleSessions stale;
    private final TunnelProperties properties;
    private final GuacamoleMetrics metrics;
    /** Per instance (striped): two members arriving together must not start two connections. */
    private final Object[] locks = new Object[64];

    GuacdConnector(TunnelTargets targets, SessionTracker tracker, StaleSessions stale, TunnelProperties properties,
                   GuacamoleMetrics metrics) {
        this.targets = targets;
        this.tracker = tracker;
        this.stale = stale;
        this.properties = properties;
        this.metrics = metrics;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    record Connected(GuacamoleSocket socket, String connectionId, SessionMember member, boolean joined) {
    }

    /** Why a connection could not be made: what to tell the browser, and where it failed (for the metrics). */
    static final class Failure extends Exception {
        final String stage;
        final transient GuacamoleStatus status;

        Failure(String stage, GuacamoleStatus status, String message, Throwable cause) {
            super(message, cause);
            this.stage = stage;
            this.status = status;
        }
    }

    /**
     * @param opened told of every guacd socket as soon as it exists, so a browser leaving mid-handshake can close it
     */
    Connected connect(TicketGrant grant, Map<String, String> query, String clientId, Consumer<GuacamoleSocket> opened)
            throws Failure {
        TunnelTargets.Target target;
        Endpoint guacd;
        try {
            target = targets.resolve(grant.instanceId(), ProtocolKind.VNC).orElseThrow(() ->
                    new Failure("target", GuacamoleStatus.UPSTREAM_NOT_FOUND,
                            "The desktop cannot be reached. Is the instance running?", null));
            guacd = targets.guacd(grant.instanceId()).orElseThrow(() -> new Failure("target",
                    GuacamoleStatus.UPSTREAM_NOT_FOUND, "The desktop cannot be reached. Is the instance running?",
                    null));
        } catch (TunnelTargets.CloudNotAnswering e) {
            // a status whose message the page shows as it is (it has its own words for "not found")
            throw new Failure("target", GuacamoleStatus.UPSTREAM_ERROR, e.getMessage(), null);
        }
        GuacamoleClientInformation info = ClientDisplay.from(query, target.screenWidth(), target.screenHeight())
                .information(grant.userId());
        synchronized (locks[Math.floorMod(grant.instanceId().hashCode(), locks.length)]) {
            Optional<String> shared = tracker.activeConnectionId(grant.instanceId(), PROTOCOL);
            ConfiguredGuacamoleSocket socket = null;
            if (shared.isPresent()) {
                try {
                    socket = handshake(guacd, VncConfigurations.join(shared.get()), info, opened);
                } catch (Failure e) {
                    if ("connect".equals(e.stage)) {
                        throw e;
                    }
                    // guacd no longer knows it (e.g. a replica died with its members recorded): start afresh
                    log.info("Shared desktop connection of instance {} is gone ({}); starting a new one",
                            grant.instanceUid(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                    stale.close(grant.instanceId(), PROTOCOL);
                }
            }
            boolean joined = socket != null;
            if (socket == null) {
                socket = handshake(guacd, VncConfigurations.create(target), info, opened);
            }
            try {
                SessionMember member = tracker.join(grant, clientId, socket.getConnectionID());
                return new Connected(socket, socket.getConnectionID(), member, joined);
            } catch (RuntimeException e) {
                closeQuietly(socket);
                throw new Failure("handshake", GuacamoleStatus.SERVER_ERROR,
                        "The portal could not record the connection; please try again.", e);
            }
        }
    }

    private ConfiguredGuacamoleSocket handshake(Endpoint guacd, GuacamoleConfiguration config,
                                                GuacamoleClientInformation info, Consumer<GuacamoleSocket> opened)
            throws Failure {
        GuacdSocket socket;
        try {
            socket = new GuacdSocket(guacd, properties.connectTimeout(), metrics::toBrowser, metrics::toInstance);
        } catch (IOException e) {
            throw new Failure("connect", GuacamoleStatus.SERVER_ERROR,
                    "The remote desktop service is not available; please try again later.", e);
        }
        opened.accept(socket);
        try {
            return new ConfiguredGuacamoleSocket(socket, config, info);
        } catch (GuacamoleException e) {
            closeQuietly(socket);
            throw new Failure("handshake", e.getStatus(), "The remote desktop could not be opened.", e);
        }
    }

    static void closeQuietly(GuacamoleSocket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (GuacamoleException e) {
            // closing anyway
        }
    }
}
