package io.vantage.api.tunnel.guacamole;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import io.vantage.api.tunnel.TicketGrant;
import io.vantage.api.tunnel.TicketHandshakeInterceptor;

/**
 * The websocket side of the Guacamole tunnel. Never throws: Spring would log the session, whose URI holds the
 * (used) ticket. Never logs the session for the same reason.
 */
@Component
class GuacamoleTunnelHandler extends TextWebSocketHandler implements SubProtocolCapable {

    private static final String RELAY = GuacamoleRelay.class.getName();
    /**
     * The largest browser message, in characters: a clipboard or file blob (at most 8192 characters of base64, the
     * protocol's element limit) with its instruction around it. Tomcat keeps a buffer this size per connection.
     */
    static final int MAX_MESSAGE = 16 * 1024;

    private final Relays relays;

    GuacamoleTunnelHandler(Relays relays) {
        this.relays = relays;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of("guacamole");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(MAX_MESSAGE);
        if (!(session.getAttributes().get(TicketHandshakeInterceptor.GRANT) instanceof TicketGrant grant)) {
            new BrowserChannel(session).close(org.apache.guacamole.protocol.GuacamoleStatus.CLIENT_FORBIDDEN, null);
            return;
        }
        Map<String, String> query = (Map<String, String>) session.getAttributes()
                .getOrDefault(TicketHandshakeInterceptor.PARAMETERS, Map.of());
        session.getAttributes().put(RELAY, relays.start(new BrowserChannel(session), grant, query));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        if (session.getAttributes().get(RELAY) instanceof GuacamoleRelay relay) {
            try {
                relay.fromBrowser(message.getPayload());
            } catch (RuntimeException e) {
                relay.failed(e);
            }
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        closed(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        closed(session);
    }

    private static void closed(WebSocketSession session) {
        if (session.getAttributes().get(RELAY) instanceof GuacamoleRelay relay) {
            relay.browserClosed();
        }
    }
}
