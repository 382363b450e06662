package io.vantage.bench.relay;

import java.io.IOException;

/** A byte stream to a VNC server: a TCP connection, or a websocket through a relay. */
interface Channel extends AutoCloseable {

    /** Sends one client message (one websocket message, as noVNC sends it). */
    void write(byte[] message) throws IOException;

    /** Reads what is there, up to {@code length}; -1 once the server closed. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    default void readFully(byte[] buffer, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int read = read(buffer, done, length - done);
            if (read < 0) {
                throw new IOException("closed after " + done + " of " + length + " bytes");
            }
            done += read;
        }
    }

    @Override
    void close();
}
