package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.GuacamoleServerException;
import org.apache.guacamole.io.GuacamoleReader;
import org.apache.guacamole.io.GuacamoleWriter;
import org.apache.guacamole.io.ReaderGuacamoleReader;
import org.apache.guacamole.io.WriterGuacamoleWriter;
import org.apache.guacamole.net.GuacamoleSocket;

import io.vantage.cloud.api.Endpoint;

/**
 * A TCP connection to guacd, like guacamole-common's {@code InetGuacamoleSocket} but with the portal's connect
 * timeout. Reads time out after {@link #READ_TIMEOUT}: guacd sends a keep-alive every 5 seconds, so that much
 * silence means guacd is gone.
 */
final class GuacdSocket implements GuacamoleSocket {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final Socket socket;
    private final GuacamoleReader reader;
    private final GuacamoleWriter writer;

    GuacdSocket(Endpoint guacd, Duration connectTimeout) throws IOException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(guacd.host(), guacd.port()), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            // instructions are small and interactive: no Nagle delay
            socket.setTcpNoDelay(true);
            reader = new ReaderGuacamoleReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            writer = new WriterGuacamoleWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public GuacamoleReader getReader() {
        return reader;
    }

    @Override
    public GuacamoleWriter getWriter() {
        return writer;
    }

    @Override
    public void close() throws GuacamoleException {
        try {
            socket.close();
        } catch (IOException e) {
            throw new GuacamoleServerException(e);
        }
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }
}
