package io.vantage.api.tunnel.vnc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The VNC server's side of the RFB handshake, played to the browser: version 3.8, security "none" (the portal has
 * already authenticated to the real server), result OK; then the browser's ClientInit, which is always forwarded
 * as "shared" so members can join the same desktop.
 */
final class BrowserHandshake {

    static final byte[] SERVER_VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECURITY_TYPES = {1, RfbServerHandshake.SECURITY_NONE};
    private static final byte[] SECURITY_OK = {0, 0, 0, 0};

    enum Step { VERSION, SECURITY, CLIENT_INIT, DONE }

    interface Sink {
        void toBrowser(byte[] bytes);

        void toServer(byte[] bytes);

        void fail(String reason);
    }

    private Step step = Step.VERSION;
    private final ByteBuffer pending = ByteBuffer.allocate(64);

    Step step() {
        return step;
    }

    /** Consumes browser bytes while the handshake lasts; returns the bytes left over for the relay. */
    byte[] accept(byte[] bytes, Sink sink) {
        int offset = 0;
        while (step != Step.DONE && offset < bytes.length) {
            int needed = switch (step) {
                case VERSION -> 12;
                case SECURITY, CLIENT_INIT -> 1;
                case DONE -> 0;
            };
            int take = Math.min(needed - pending.position(), bytes.length - offset);
            if (pending.remaining() < take) {
                sink.fail("unexpected handshake data from the browser");
                return new byte[0];
            }
            pending.put(bytes, offset, take);
            offset += take;
            if (pending.position() == needed) {
                complete(sink);
            }
        }
        byte[] rest = new byte[bytes.length - offset];
        System.arraycopy(bytes, offset, rest, 0, rest.length);
        return rest;
    }

    private void complete(Sink sink) {
        byte[] message = new byte[pending.position()];
        pending.flip();
        pending.get(message);
        pending.clear();
        switch (step) {
            case VERSION -> {
                if (!new String(message, StandardCharsets.US_ASCII).startsWith("RFB 003.")) {
                    sink.fail("the browser does not speak RFB");
                    return;
                }
                sink.toBrowser(SECURITY_TYPES);
                step = Step.SECURITY;
            }
            case SECURITY -> {
                if (message[0] != RfbServerHandshake.SECURITY_NONE) {
                    sink.fail("the browser chose an unsupported security type");
                    return;
                }
                sink.toBrowser(SECURITY_OK);
                step = Step.CLIENT_INIT;
            }
            case CLIENT_INIT -> {
                sink.toServer(new byte[] {1});
                step = Step.DONE;
            }
            case DONE -> {
            }
        }
    }
}
