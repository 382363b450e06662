package io.vantage.api.tunnel.vnc;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A browser's websocket that can stop reading: while stalled, a send blocks as Tomcat's does when the browser's
 * TCP window is full. Records every byte it was sent, copied at once (relays reuse their buffers), and how many
 * bytes had arrived when the websocket was closed.
 */
final class SlowBrowser implements WebSocketSession {

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    private volatile boolean open = true;
    volatile boolean blockedInSend;
    volatile CloseStatus closeStatus;
    volatile long receivedAtClose = -1;

    void stall() throws InterruptedException {
        gate.acquire(Integer.MAX_VALUE);
    }

    void resume() {
        gate.release(Integer.MAX_VALUE);
    }

    synchronized byte[] received() {
        return received.toByteArray();
    }

    synchronized int receivedCount() {
        return received.size();
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) {
        ByteBuffer payload = ((BinaryMessage) message).getPayload();
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        blockedInSend = true;
        gate.acquireUninterruptibly();
        blockedInSend = false;
        gate.release();
        synchronized (this) {
            received.write(copy, 0, copy.length);
        }
    }

    @Override
    public void close(CloseStatus status) {
        receivedAtClose = receivedCount();
        closeStatus = status;
        open = false;
    }

    @Override
    public void close() {
        close(CloseStatus.NORMAL);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String getId() {
        return "slow";
    }

    @Override
    public URI getUri() {
        return URI.create("ws://localhost/tunnels/vnc");
    }

    @Override
    public HttpHeaders getHandshakeHeaders() {
        return new HttpHeaders();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return new HashMap<>();
    }

    @Override
    public Principal getPrincipal() {
        return null;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return null;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return null;
    }

    @Override
    public String getAcceptedProtocol() {
        return null;
    }

    @Override
    public void setTextMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getTextMessageSizeLimit() {
        return 0;
    }

    @Override
    public void setBinaryMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getBinaryMessageSizeLimit() {
        return 0;
    }

    @Override
    public List<WebSocketExtension> getExtensions() {
        return List.of();
    }
}
