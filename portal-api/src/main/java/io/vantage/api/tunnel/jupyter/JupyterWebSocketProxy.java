package io.vantage.api.tunnel.jupyter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.vantage.api.tunnel.ActivityRecorder;

/**
 * Relays notebook websockets (kernel channels, terminals) to the instance's Jupyter, adding its token. Messages the
 * person sends (code to run, keystrokes in a terminal) count as activity.
 */
class JupyterWebSocketProxy extends AbstractWebSocketHandler {

    static final String GRANT = "vantage.jupyter.grant";
    private static final Logger log = LoggerFactory.getLogger(JupyterWebSocketProxy.class);

    private final ActivityRecorder activity;
    private final HttpClient http;
    private final Map<String, Upstream> upstreams = new ConcurrentHashMap<>();

    JupyterWebSocketProxy(ActivityRecorder activity, Duration connectTimeout) {
        this.activity = activity;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        JupyterAccess.Grant grant = (JupyterAccess.Grant) session.getAttributes().get(GRANT);
        WebSocketSession browser = new ConcurrentWebSocketSessionDecorator(session, 20_000, 16 * 1024 * 1024);
        URI uri = session.getUri();
        URI target = URI.create("ws://" + grant.target().endpoint() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        Upstream upstream = new Upstream(browser);
        upstreams.put(session.getId(), upstream);
        http.newWebSocketBuilder().header("Authorization", "token " + grant.target().secret())
                .buildAsync(target, upstream)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        log.info("Notebook websocket of instance {} could not open: {}", grant.uid(), error.getMessage());
                        closeQuietly(browser, CloseStatus.SERVER_ERROR.withReason("The notebook is not answering"));
                    } else {
                        upstream.opened(socket);
                    }
                });
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        relay(session, message);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        relay(session, message);
    }

    private void relay(WebSocketSession session, WebSocketMessage<?> message) {
        Upstream upstream = upstreams.get(session.getId());
        if (upstream != null) {
            JupyterAccess.Grant grant = (JupyterAccess.Grant) session.getAttributes().get(GRANT);
            activity.interaction(grant.instanceId(), null);
            upstream.send(message);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Upstream upstream = upstreams.remove(session.getId());
        if (upstream != null) {
            upstream.close();
        }
    }

    private static void closeQuietly(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (Exception ignored) {
            // already closed
        }
    }

    /** The instance side: sends are chained because the JDK websocket allows one outstanding send at a time. */
    private static final class Upstream implements WebSocket.Listener {

        private final WebSocketSession browser;
        private final CompletableFuture<WebSocket> socket = new CompletableFuture<>();
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private final StringBuilder text = new StringBuilder();
        private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        Upstream(WebSocketSession browser) {
            this.browser = browser;
        }

        void opened(WebSocket webSocket) {
            socket.complete(webSocket);
        }

        synchronized void send(WebSocketMessage<?> message) {
            sending = sending.thenCompose(ignored -> socket).thenCompose(ws -> {
                if (message instanceof TextMessage t) {
                    return ws.sendText(t.getPayload(), true);
                }
                ByteBuffer payload = ((BinaryMessage) message).getPayload();
                ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
                return ws.sendBinary(copy, true);
            });
        }

        void close() {
            socket.thenAccept(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "browser left"));
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                forward(new TextMessage(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                forward(new BinaryMessage(binary.toByteArray()));
                binary = new java.io.ByteArrayOutputStream();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeQuietly(browser, new CloseStatus(statusCode == WebSocket.NORMAL_CLOSURE ? 1000 : 1011, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeQuietly(browser, CloseStatus.SERVER_ERROR);
        }

        private void forward(WebSocketMessage<?> message) {
            try {
                browser.sendMessage(message);
            } catch (Exception e) {
                close();
            }
        }
    }
}
