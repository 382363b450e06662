package io.vantage.api.tunnel.guacamole;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongConsumer;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.GuacamoleServerException;
import org.apache.guacamole.io.GuacamoleReader;
import org.apache.guacamole.io.GuacamoleWriter;
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
    private final GuacdInput reader;
    private final GuacamoleWriter writer;

    /**
     * @param received told how many bytes came from guacd, read by read (the traffic metrics count here, not per
     *                 character)
     * @param sent     told how many bytes went to guacd
     */
    GuacdSocket(Endpoint guacd, Duration connectTimeout, LongConsumer received, LongConsumer sent)
            throws IOException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(guacd.host(), guacd.port()), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            // instructions are small and interactive: no Nagle delay
            socket.setTcpNoDelay(true);
            reader = new GuacdInput(new Counting(socket.getInputStream(), received));
            writer = new WriterGuacamoleWriter(new OutputStreamWriter(new CountingOut(socket.getOutputStream(), sent),
                    StandardCharsets.UTF_8));
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

    private static final class Counting extends FilterInputStream {
        private final LongConsumer counter;

        Counting(InputStream in, LongConsumer counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                counter.accept(read);
            }
            return read;
        }
    }

    private static final class CountingOut extends FilterOutputStream {
        private final LongConsumer counter;

        CountingOut(OutputStream out, LongConsumer counter) {
            super(out);
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            counter.accept(1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            counter.accept(length);
        }
    }
}
