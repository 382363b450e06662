package io.vantage.bench.relay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The baseline: a direct TCP connection to the VNC server, handshake done by the client. */
final class TcpSession implements Session {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final byte[] buffer = new byte[64 * 1024];

    TcpSession(int port, FakeVncServer server) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
        in.readFully(new byte[12]);
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        in.readFully(new byte[2]);
        out.write(2);
        byte[] challenge = new byte[16];
        in.readFully(challenge);
        out.write(server.expectedResponse(challenge));
        in.readInt();
        out.write(1);
        in.readFully(new byte[24]);
        in.readFully(new byte[4]);
    }

    @Override
    public long update() throws IOException {
        out.write(new byte[] {3, 0, 0, 0, 0, 0, 7, (byte) 128, 4, 56});
        out.flush();
        long left = FakeVncServer.UPDATE_BYTES;
        while (left > 0) {
            left -= in.read(buffer, 0, (int) Math.min(buffer.length, left));
        }
        return FakeVncServer.UPDATE_BYTES;
    }

    @Override
    public long roundTrip() throws IOException {
        long start = System.nanoTime();
        out.write(new byte[] {4, 1, 0, 0, 0, 0, 0, 0x61});
        out.flush();
        in.readUnsignedByte();
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
