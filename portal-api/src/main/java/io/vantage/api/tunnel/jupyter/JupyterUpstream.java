package io.vantage.api.tunnel.jupyter;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The instance side of a notebook websocket. Sends are chained because the JDK websocket allows one outstanding
 * send at a time; fragments keep their place in their message.
 */
final class JupyterUpstream implements WebSocket.Listener {

    private final WebSocketSession browser;
    private final CompletableFuture<WebSocket> socket = new CompletableFuture<>();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private final StringBuilder text = new StringBuilder();
    private ByteArrayOutputStream binary = new ByteArrayOutputStream();

    JupyterUpstream(WebSocketSession browser) {
        this.browser = browser;
    }

    void opened(WebSocket webSocket) {
        socket.complete(webSocket);
    }

    synchronized void send(WebSocketMessage<?> message) {
        sending = sending.thenCompose(ignored -> socket).thenCompose(ws -> {
            if (message instanceof TextMessage t) {
                return ws.sendText(t.getPayload(), t.isLast());
            }
            ByteBuffer payload = ((BinaryMessage) message).getPayload();
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
            return ws.sendBinary(copy, message.isLast());
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
            binary = new ByteArrayOutputStream();
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

    static void closeQuietly(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (Exception ignored) {
            // already closed
        }
    }
}
