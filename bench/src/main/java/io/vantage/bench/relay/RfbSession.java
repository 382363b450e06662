package io.vantage.bench.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One VNC client session after its handshake, the same over every path: full updates for throughput, a key for a
 * round trip, and a last burst before the server hangs up, checked byte by byte.
 */
final class RfbSession implements AutoCloseable {

    private static final byte[] UPDATE_REQUEST = {3, 0, 0, 0, 0, 0, 7, (byte) 128, 4, 56};
    private static final byte[] KEY = {4, 1, 0, 0, 0, 0, 0, 0x61};

    private final Channel channel;
    private final byte[] buffer = new byte[RawWebSocket.READ_BUFFER];

    private RfbSession(Channel channel) {
        this.channel = channel;
    }

    /** The RFB handshake as a VNC viewer does it, with VNC authentication (direct, websockify). */
    static RfbSession authenticated(Channel channel, String password) throws IOException {
        byte[] bytes = new byte[64];
        channel.readFully(bytes, 12);
        channel.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        channel.readFully(bytes, 2);
        channel.write(new byte[] {2});
        byte[] challenge = new byte[16];
        channel.readFully(challenge, 16);
        channel.write(FakeVncServer.response(challenge, password));
        channel.readFully(bytes, 4);
        if (bytes[3] != 0) {
            throw new IOException("authentication failed");
        }
        return init(channel);
    }

    /** The handshake the portal plays to the browser: security "none", the portal authenticated already. */
    static RfbSession throughPortal(Channel channel) throws IOException {
        byte[] bytes = new byte[64];
        channel.readFully(bytes, 12);
        channel.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        channel.readFully(bytes, 2);
        channel.write(new byte[] {1});
        channel.readFully(bytes, 4);
        return init(channel);
    }

    private static RfbSession init(Channel channel) throws IOException {
        channel.write(new byte[] {1});
        channel.readFully(new byte[28], 28); // ServerInit with its 4-character name
        return new RfbSession(channel);
    }

    /** Asks for a full update and reads it; returns the bytes received. */
    long update() throws IOException {
        channel.write(UPDATE_REQUEST);
        long left = FakeVncServer.UPDATE_BYTES;
        while (left > 0) {
            int read = channel.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("closed during an update");
            }
            left -= read;
        }
        return FakeVncServer.UPDATE_BYTES;
    }

    /** Sends a key and waits for the bell; returns the round trip in nanoseconds. */
    long roundTrip() throws IOException {
        long start = System.nanoTime();
        channel.write(KEY);
        channel.readFully(buffer, 1);
        return System.nanoTime() - start;
    }

    /**
     * Asks the server to send {@code bytes} bytes and hang up; returns how many arrived, in order, before the end
     * of the stream (a byte out of order counts as the end).
     */
    long lastWords(long bytes) throws IOException {
        byte[] text = ("close:" + bytes).getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[8 + text.length];
        message[0] = 6;
        message[7] = (byte) text.length;
        System.arraycopy(text, 0, message, 8, text.length);
        channel.write(message);
        long received = 0;
        int read;
        while ((read = channel.read(buffer, 0, buffer.length)) >= 0) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] != FakeVncServer.pattern(received + i)) {
                    return received + i;
                }
            }
            received += read;
        }
        return received;
    }

    @Override
    public void close() {
        channel.close();
    }
}
