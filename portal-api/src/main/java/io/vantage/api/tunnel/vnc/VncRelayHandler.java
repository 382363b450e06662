package io.vantage.api.tunnel.vnc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.SessionTracker;
import io.vantage.api.tunnel.TicketGrant;
import io.vantage.api.tunnel.TicketHandshakeInterceptor;
import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.SessionMember;

/**
 * The direct VNC path (no guacd): noVNC in the browser speaks RFB over a binary websocket; this handler relays it to
 * the instance's VNC server, which is shared, so every member sees the same desktop.
 */
@Component
class VncRelayHandler extends BinaryWebSocketHandler {

    private static final int SEND_TIME_LIMIT_MS = 20_000;
    private static final int BUFFER_LIMIT_BYTES = 16 * 1024 * 1024;

    private final TunnelTargets targets;
    private final SessionTracker sessions;
    private final ActivityRecorder activity;
    private final TunnelProperties properties;
    private final VncConnection.Meters meters;
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
    public void afterConnectionEstablished(WebSocketSession session) {
        TicketGrant grant = (TicketGrant) session.getAttributes().get(TicketHandshakeInterceptor.GRANT);
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        SessionMember member = sessions.join(grant, session.getId(), null);
        VncConnection connection = new VncConnection(grant, member.getId(), safe, activity, meters);
        connections.put(session.getId(), connection);
        sessions.opened(connection);
        Thread thread = new Thread(() -> targets.resolve(grant.instanceId(), ProtocolKind.VNC).ifPresentOrElse(
                target -> connection.run(target, (int) properties.connectTimeout().toMillis()),
                () -> connection.fail("The desktop of this instance cannot be reached right now")),
                "vnc-relay-" + grant.instanceUid());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        VncConnection connection = connections.get(session.getId());
        if (connection != null) {
            var payload = message.getPayload();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            connection.fromBrowser(bytes);
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
