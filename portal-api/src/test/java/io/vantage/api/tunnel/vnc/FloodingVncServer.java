package io.vantage.api.tunnel.vnc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A VNC server for one client: RFB 3.8 with VNC authentication, then after the ClientInit it writes a ServerInit
 * and {@code total} bytes of a known pattern as fast as the connection takes them, and hangs up.
 */
final class FloodingVncServer implements AutoCloseable {

    static final byte[] SERVER_INIT = {0, 8, 0, 8, 32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8,
            0, 0, 0, 0, 0, 0, 0, 0};

    private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final String password;
    private final long total;
    final AtomicLong written = new AtomicLong();
    volatile Thread writer;
    volatile int clientInit = -1;

    FloodingVncServer(String password, long total) throws IOException {
        this.password = password;
        this.total = total;
        Thread thread = new Thread(this::serve, "flooding-vnc");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The byte at position {@code i} of the flood. */
    static byte pattern(long i) {
        return (byte) (i * 31 + (i >>> 8) * 7 + (i >>> 16));
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            socket.setSendBufferSize(64 * 1024);
            writer = Thread.currentThread();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            in.readFully(new byte[12]);
            out.write(new byte[] {1, RfbServerHandshake.SECURITY_VNC});
            in.readUnsignedByte();
            byte[] challenge = new byte[16];
            Arrays.fill(challenge, (byte) 3);
            out.write(challenge);
            byte[] response = new byte[16];
            in.readFully(response);
            out.writeInt(Arrays.equals(response, VncPassword.respond(challenge, password)) ? 0 : 1);
            clientInit = in.readUnsignedByte();
            out.write(SERVER_INIT);
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < total; ) {
                int n = (int) Math.min(chunk.length, total - sent);
                for (int i = 0; i < n; i++) {
                    chunk[i] = pattern(sent + i);
                }
                out.write(chunk, 0, n);
                sent += n;
                written.set(sent);
            }
            out.flush();
        } catch (IOException e) {
            // the relay hung up
        }
    }

    /** Whether the writing thread is stuck in a socket write because nobody reads. */
    boolean blockedWriting() {
        Thread thread = writer;
        if (thread == null) {
            return false;
        }
        boolean inWrite = false;
        boolean parked = false;
        for (StackTraceElement frame : thread.getStackTrace()) {
            inWrite |= frame.getMethodName().toLowerCase().contains("write");
            parked |= frame.getMethodName().equals("park") || frame.getMethodName().startsWith("poll")
                    || frame.getMethodName().equals("write0");
        }
        return inWrite && parked;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
