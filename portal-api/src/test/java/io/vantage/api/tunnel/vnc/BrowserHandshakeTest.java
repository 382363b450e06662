package io.vantage.api.tunnel.vnc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BrowserHandshakeTest {

    static class Sink implements BrowserHandshake.Sink {
        final ByteArrayOutputStream browser = new ByteArrayOutputStream();
        final ByteArrayOutputStream server = new ByteArrayOutputStream();
        final List<String> failures = new ArrayList<>();

        @Override
        public void toBrowser(byte[] bytes) {
            browser.writeBytes(bytes);
        }

        @Override
        public void toServer(byte[] bytes) {
            server.writeBytes(bytes);
        }

        @Override
        public void fail(String reason) {
            failures.add(reason);
        }
    }

    @Test
    void offersNoAuthenticationAndForcesASharedSession() {
        Sink sink = new Sink();
        BrowserHandshake handshake = new BrowserHandshake();
        byte[] rest = handshake.accept("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), sink);
        assertThat(rest).isEmpty();
        assertThat(sink.browser.toByteArray()).containsExactly(1, 1);

        handshake.accept(new byte[] {1}, sink);
        assertThat(sink.browser.toByteArray()).containsExactly(1, 1, 0, 0, 0, 0);

        // ClientInit asks for exclusive access (0) and is followed by the first client message in the same frame.
        rest = handshake.accept(new byte[] {0, 3, 0}, sink);
        assertThat(sink.server.toByteArray()).containsExactly(1);
        assertThat(rest).containsExactly(3, 0);
        assertThat(handshake.step()).isEqualTo(BrowserHandshake.Step.DONE);
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void versionMayArriveInPieces() {
        Sink sink = new Sink();
        BrowserHandshake handshake = new BrowserHandshake();
        handshake.accept("RFB 00".getBytes(StandardCharsets.US_ASCII), sink);
        assertThat(sink.browser.size()).isZero();
        handshake.accept("3.008\n".getBytes(StandardCharsets.US_ASCII), sink);
        assertThat(handshake.step()).isEqualTo(BrowserHandshake.Step.SECURITY);
    }

    @Test
    void refusesNonRfbClientsAndOtherSecurityTypes() {
        Sink sink = new Sink();
        new BrowserHandshake().accept("GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII), sink);
        assertThat(sink.failures).hasSize(1);

        Sink second = new Sink();
        BrowserHandshake handshake = new BrowserHandshake();
        handshake.accept("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), second);
        handshake.accept(new byte[] {2}, second);
        assertThat(second.failures).containsExactly("the browser chose an unsupported security type");
    }
}
