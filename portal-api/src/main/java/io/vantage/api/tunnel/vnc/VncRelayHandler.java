package io.vantage.api.tunnel.vnc;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;

import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.RelayThreads;
import io.vantage.api.tunnel.SessionTracker;
import io.vantage.api.tunnel.TicketGrant;
import io.vantage.api.tunnel.TicketHandshakeInterceptor;
import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.SessionMember;

/**
 * The direct VNC path (no guacd): noVNC in the browser speaks RFB over a binary websocket; this handler relays it to
 * the instance's VNC server, which is shared, so every member sees the same desktop. Clients in websockify's style
 * ask for the {@code binary} subprotocol and get it; noVNC asks for none.
 */
@Component
class VncRelayHandler extends BinaryWebSocketHandler implements SubProtocolCapable {

    /** A full-screen update arrives in a handful of reads of this size (websockify reads 64 KiB at a time). */
    static final int READ_BUFFER = 256 * 1024;
    /** Read buffers kept between connections: 16 MiB of direct memory at most. */
    private static final int IDLE_BUFFERS = 64;

    private final TunnelTargets targets;
    private final SessionTracker sessions;
    private final ActivityRecorder activity;
    private final TunnelProperties properties;
    private final VncConnection.Meters meters;
    private final DirectBuffers buffers = new DirectBuffers(READ_BUFFER, IDLE_BUFFERS);
    private final Map<String, VncConnection> connections = new ConcurrentHashMap<>();

    VncRelayHandler(TunnelTargets targets, SessionTracker sessions, ActivityRecorder activity,
                    TunnelProperties properties, MeterRegistry registry) {
        this.targets = targets;
        this.sessions = sessions;
        this.activity = activity;
        this.properties = properties;
        this.meters = new VncConnection.Meters(
                registry.counter("vantage.tunnel.bytes", "protocol", "VNC", "direction", "to-browser"),
                registry.counter("vantage.tunnel.bytes", "protocol", "VNC", "direction", "to-instance"),
                registry.counter("vantage.tunnel.errors", "protocol", "VNC"));
        registry.gaugeMapSize("vantage.tunnel.sessions", io.micrometer.core.instrument.Tags.of("protocol", "VNC"),
                connections);
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of("binary");
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        TicketGrant grant = (TicketGrant) session.getAttributes().get(TicketHandshakeInterceptor.GRANT);
        SessionMember member = sessions.join(grant, session.getId(), null);
        VncConnection connection = new VncConnection(grant, member.getId(), session, activity, meters, buffers);
        connections.put(session.getId(), connection);
        sessions.opened(connection);
        connection.greet();
        RelayThreads.start("vnc-relay-" + grant.instanceUid(), () -> {
            Optional<TunnelTargets.Target> target;
            try {
                target = targets.resolve(grant.instanceId(), ProtocolKind.VNC);
            } catch (TunnelTargets.CloudNotAnswering e) {
                connection.fail(e.getMessage());
                return;
            }
            target.ifPresentOrElse(found -> connection.run(found, (int) properties.connectTimeout().toMillis()),
                    () -> connection.fail("The desktop of this instance cannot be reached right now"));
        });
    }

    /** Whatever a frame brings is passed on: RFB messages are found in the stream, whatever the frames. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        VncConnection connection = connections.get(session.getId());
        if (connection != null) {
            connection.fromBrowser(message.getPayload());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        VncConnection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.close("Closed");
            sessions.left(connection);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        VncConnection connection = connections.get(session.getId());
        if (connection != null) {
            connection.close("Connection error");
        }
    }

    int open() {
        return connections.size();
    }
}
