package io.vantage.api.tunnel.vnc;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
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
 * One browser's VNC connection: a TCP socket to the instance's VNC server (authenticated by the portal) relayed to
 * a websocket, with the browser's messages filtered for read-only members.
 */
final class VncConnection implements TunnelConnection, BrowserHandshake.Sink, ClientMessageFilter.Output {

    private static final Logger log = LoggerFactory.getLogger(VncConnection.class);

    record Meters(Counter toBrowser, Counter toServer, Counter errors) {
    }

    private final TicketGrant grant;
    private final Long sessionMemberId;
    private final WebSocketSession browser;
    private final ActivityRecorder activity;
    private final Meters meters;
    private final BrowserHandshake handshake = new BrowserHandshake();
    private final ClientMessageFilter filter;
    private final Socket socket = new Socket();
    private volatile OutputStream server;
    private volatile boolean closed;

    VncConnection(TicketGrant grant, Long sessionMemberId, WebSocketSession browser, ActivityRecorder activity,
                  Meters meters) {
        this.grant = grant;
        this.sessionMemberId = sessionMemberId;
        this.browser = browser;
        this.activity = activity;
        this.meters = meters;
        this.filter = new ClientMessageFilter(grant.readOnly());
    }

    /** Connects and authenticates to the VNC server, then relays server → browser until either side ends. */
    void run(TunnelTargets.Target target, int connectTimeoutMillis) {
        try {
            socket.setTcpNoDelay(true);
            socket.setReceiveBufferSize(1 << 20); // full-screen updates arrive in few large reads
            socket.connect(new InetSocketAddress(target.endpoint().host(), target.endpoint().port()), connectTimeoutMillis);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            RfbServerHandshake.authenticate(in, out, target.secret());
            server = out;
            toBrowser(BrowserHandshake.SERVER_VERSION);
            byte[] buffer = new byte[256 * 1024];
            int read;
            while (!closed && (read = in.read(buffer)) >= 0) {
                toBrowser(Arrays.copyOf(buffer, read));
            }
            close("The desktop closed the connection");
        } catch (IOException e) {
            if (!closed) {
                meters.errors().increment();
                log.info("VNC connection to instance {} ended: {}", grant.instanceUid(), e.getMessage());
                closeWith(CloseStatus.SERVER_ERROR, "The desktop is not reachable: " + e.getMessage());
            }
        }
    }

    void fromBrowser(byte[] bytes) {
        if (server == null) {
            fail("the desktop is not connected yet");
            return;
        }
        byte[] rest = handshake.step() == BrowserHandshake.Step.DONE ? bytes : handshake.accept(bytes, this);
        if (rest.length > 0 && handshake.step() == BrowserHandshake.Step.DONE) {
            filter.accept(rest, this);
        }
    }

    @Override
    public void toBrowser(byte[] bytes) {
        try {
            browser.sendMessage(new BinaryMessage(ByteBuffer.wrap(bytes)));
            meters.toBrowser().increment(bytes.length);
        } catch (IOException | RuntimeException e) {
            close("The browser went away");
        }
    }

    @Override
    public void toServer(byte[] bytes) {
        forward(bytes, 0, bytes.length);
    }

    @Override
    public void forward(byte[] bytes, int offset, int length) {
        try {
            synchronized (socket) {
                server.write(bytes, offset, length);
                server.flush();
            }
            meters.toServer().increment(length);
        } catch (IOException e) {
            close("The desktop closed the connection");
        }
    }

    @Override
    public void userInput() {
        activity.interaction(grant.instanceId(), sessionMemberId);
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
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            if (browser.isOpen()) {
                browser.close(status.withReason(reason.length() > 120 ? reason.substring(0, 120) : reason));
            }
        } catch (IOException | RuntimeException ignored) {
            // the browser is gone already
        }
    }
}
