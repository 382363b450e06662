package io.vantage.api.tunnel.vnc;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.TicketGrant;
import io.vantage.api.tunnel.TunnelConnection;
import io.vantage.api.tunnel.TunnelTargets;

/**
 * One browser's VNC connection: a TCP connection to the instance's VNC server (authenticated by the portal) relayed
 * to a websocket, with the browser's messages filtered for read-only members.
 * <p>
 * Server → browser is one loop on the connection's own thread: a large read into a pooled direct buffer, sent as
 * one websocket message straight from that buffer (Tomcat writes it to the socket without copying), and the next
 * read only once the send is done. A slow browser therefore slows the reads, and through TCP the VNC server; the
 * portal holds one buffer per connection whatever the browser's speed, and never drops a byte: everything read is
 * sent before the websocket is closed. Browser → server runs on the websocket's message thread.
 */
final class VncConnection implements TunnelConnection, BrowserHandshake.Sink, ClientMessageFilter.Output {

    private static final Logger log = LoggerFactory.getLogger(VncConnection.class);
    private static final int TO_SERVER_BUFFER = 16 * 1024;
    private static final int EARLY_LIMIT = 4 * 1024;

    record Meters(Counter toBrowser, Counter toServer, Counter errors) {
    }

    private final TicketGrant grant;
    private final Long sessionMemberId;
    private final WebSocketSession browser;
    private final ActivityRecorder activity;
    private final Meters meters;
    private final DirectBuffers buffers;
    private final BrowserHandshake handshake = new BrowserHandshake();
    private final ClientMessageFilter filter;
    /** One sender at a time on the websocket (the relay's thread, and the message thread during the handshake). */
    private final Object sending = new Object();
    /** One writer at a time to the VNC server. */
    private final Object writing = new Object();
    private final SocketChannel channel;
    private byte[] scratch = new byte[0];
    /** What the browser sent for the server before it was connected (guarded by {@link #writing}). */
    private ByteArrayOutputStream early = new ByteArrayOutputStream(16);
    private volatile OutputStream server;
    private volatile boolean closed;

    VncConnection(TicketGrant grant, Long sessionMemberId, WebSocketSession browser, ActivityRecorder activity,
                  Meters meters, DirectBuffers buffers) throws IOException {
        this.grant = grant;
        this.sessionMemberId = sessionMemberId;
        this.browser = browser;
        this.activity = activity;
        this.meters = meters;
        this.buffers = buffers;
        this.filter = new ClientMessageFilter(grant.readOnly());
        this.channel = SocketChannel.open();
    }

    /**
     * Starts the browser's side of the handshake at once: the browser answers while the portal connects to the VNC
     * server, instead of after (a desktop that has just started is shown sooner).
     */
    void greet() {
        toBrowser(BrowserHandshake.SERVER_VERSION);
    }

    /** Connects and authenticates to the VNC server, then relays server → browser until either side ends. */
    void run(TunnelTargets.Target target, int connectTimeoutMillis) {
        try {
            channel.socket().setTcpNoDelay(true);
            channel.socket().setReceiveBufferSize(1 << 20); // full-screen updates arrive in few large reads
            channel.socket().connect(new InetSocketAddress(target.endpoint().host(), target.endpoint().port()),
                    connectTimeoutMillis);
            DataInputStream in = new DataInputStream(channel.socket().getInputStream());
            OutputStream out = new BufferedOutputStream(channel.socket().getOutputStream(), TO_SERVER_BUFFER);
            RfbServerHandshake.authenticate(in, out, target.secret());
            synchronized (writing) {
                early.writeTo(out); // the browser's ClientInit, when it came first
                out.flush();
                early = null;
                server = out;
            }
            relay();
            close("The desktop closed the connection");
        } catch (IOException e) {
            if (!closed) {
                meters.errors().increment();
                log.info("VNC connection to instance {} ended: {}", grant.instanceUid(), e.getMessage());
                closeWith(CloseStatus.SERVER_ERROR, "The desktop is not reachable: " + e.getMessage());
            }
        }
    }

    private void relay() throws IOException {
        ByteBuffer buffer = buffers.take();
        try {
            while (!closed) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return;
                }
                buffer.flip();
                if (!send(buffer)) {
                    return;
                }
            }
        } finally {
            buffers.give(buffer); // no send holds it any more: sends return once written
        }
    }

    /** Sends to the browser and waits until it is written; false when the browser is gone. */
    private boolean send(ByteBuffer payload) {
        int length = payload.remaining();
        try {
            synchronized (sending) {
                browser.sendMessage(new BinaryMessage(payload, true));
            }
            meters.toBrowser().increment(length);
            return true;
        } catch (IOException | RuntimeException e) {
            close("The browser went away");
            return false;
        }
    }

    /** A websocket message from the browser: handshake replies, then RFB client messages, filtered. */
    void fromBrowser(ByteBuffer payload) {
        byte[] bytes;
        int offset;
        int length = payload.remaining();
        if (payload.hasArray()) {
            bytes = payload.array();
            offset = payload.arrayOffset() + payload.position();
        } else {
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, 1024)];
            }
            payload.get(scratch, 0, length);
            bytes = scratch;
            offset = 0;
        }
        synchronized (writing) {
            if (handshake.step() != BrowserHandshake.Step.DONE) {
                byte[] rest = handshake.accept(Arrays.copyOfRange(bytes, offset, offset + length), this);
                bytes = rest;
                offset = 0;
                length = rest.length;
            }
            if (length > 0 && handshake.step() == BrowserHandshake.Step.DONE) {
                filter.accept(bytes, offset, length, this);
            }
            flush();
        }
    }

    @Override
    public void toBrowser(byte[] bytes) {
        send(ByteBuffer.wrap(bytes));
    }

    @Override
    public void toServer(byte[] bytes) {
        forward(bytes, 0, bytes.length);
    }

    /**
     * Buffers a message for the server; {@link #fromBrowser} flushes once per websocket message. Before the server
     * is connected (only the ClientInit can come that early) it waits in memory, a little at most.
     */
    @Override
    public void forward(byte[] bytes, int offset, int length) {
        try {
            if (server == null) {
                if (early.size() + length > EARLY_LIMIT) {
                    fail("the browser sent too much before the desktop answered");
                    return;
                }
                early.write(bytes, offset, length);
            } else {
                server.write(bytes, offset, length);
            }
            meters.toServer().increment(length);
        } catch (IOException e) {
            close("The desktop closed the connection");
        }
    }

    private void flush() {
        try {
            if (server != null) {
                server.flush();
            }
        } catch (IOException e) {
            close("The desktop closed the connection");
        }
    }

    @Override
    public void userInput() {
        activity.interaction(grant.instanceId(), sessionMemberId, grant.portalSessionId());
    }

    @Override
    public void fail(String reason) {
        closeWith(CloseStatus.POLICY_VIOLATION, reason);
    }

    @Override
    public Long sessionMemberId() {
        return sessionMemberId;
    }

    @Override
    public TicketGrant grant() {
        return grant;
    }

    @Override
    public void readOnly(boolean readOnly) {
        filter.readOnly(readOnly);
    }

    boolean readOnly() {
        return filter.isReadOnly();
    }

    @Override
    public void close(String reason) {
        closeWith(CloseStatus.NORMAL, reason);
    }

    private void closeWith(CloseStatus status, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            if (browser.isOpen()) {
                // after a send in progress on the relay's thread: Tomcat finishes the message before the close frame
                browser.close(status.withReason(reason.length() > 120 ? reason.substring(0, 120) : reason));
            }
        } catch (IOException | RuntimeException ignored) {
            // the browser is gone already
        }
    }
}
