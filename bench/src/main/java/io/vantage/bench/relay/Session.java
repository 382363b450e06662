package io.vantage.bench.relay;

import java.io.IOException;

/** One VNC client session, over TCP or through the portal's websocket relay, after the RFB handshake. */
interface Session extends AutoCloseable {

    /** Requests a full update and reads it; returns the bytes received. */
    long update() throws IOException, InterruptedException;

    /** Sends a key and waits for the server's answer; returns the round trip in nanoseconds. */
    long roundTrip() throws IOException, InterruptedException;

    @Override
    void close();
}
