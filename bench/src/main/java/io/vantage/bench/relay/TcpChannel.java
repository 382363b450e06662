package io.vantage.bench.relay;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** The baseline: straight to the VNC server over TCP. */
final class TcpChannel implements Channel {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    TcpChannel(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setReceiveBufferSize(1 << 20);
        in = new BufferedInputStream(socket.getInputStream(), RawWebSocket.READ_BUFFER);
        out = socket.getOutputStream();
    }

    @Override
    public void write(byte[] message) throws IOException {
        out.write(message);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return in.read(buffer, offset, length);
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
