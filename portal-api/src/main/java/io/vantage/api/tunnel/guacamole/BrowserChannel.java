package io.vantage.api.tunnel.guacamole;

import java.io.IOException;

import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.apache.guacamole.protocol.GuacamoleStatus;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The browser's end of a tunnel. A websocket session takes one sender at a time; sends block, so a slow browser
 * slows the relay down (and through TCP, guacd) instead of filling the portal's memory.
 */
final class BrowserChannel {

    private final WebSocketSession session;

    BrowserChannel(WebSocketSession session) {
        this.session = session;
    }

    void send(String instructions) throws IOException {
        synchronized (session) {
            session.sendMessage(new TextMessage(instructions));
        }
    }

    /**
     * Ends the websocket with a Guacamole status; with a message, the browser first gets it as an {@code error}
     * instruction it can show. guacamole-common-js reads the status code from the close reason.
     */
    void close(GuacamoleStatus status, String message) {
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            if (message != null) {
                try {
                    session.sendMessage(new TextMessage(new GuacamoleInstruction("error", message,
                            Integer.toString(status.getGuacamoleStatusCode())).toString()));
                } catch (IOException | IllegalStateException e) {
                    // closing anyway
                }
            }
            try {
                session.close(new CloseStatus(status.getWebSocketCode(),
                        Integer.toString(status.getGuacamoleStatusCode())));
            } catch (IOException | IllegalStateException e) {
                // already gone
            }
        }
    }

    boolean isOpen() {
        return session.isOpen();
    }
}
