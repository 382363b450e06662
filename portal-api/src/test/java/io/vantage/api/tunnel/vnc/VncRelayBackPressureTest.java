package io.vantage.api.tunnel.vnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.vantage.api.tunnel.TicketGrant;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.instance.MemberRole;

/**
 * The relay against a VNC server that sends as fast as it can, to a browser that stops reading for a while: the
 * server is made to wait (the portal holds one buffer, not the flood), and once the browser reads again it gets
 * every byte, in order, before the websocket closes.
 */
class VncRelayBackPressureTest {

    /** Far more than the sockets' buffers and the relay's buffer together. */
    static final long FLOOD = 48L << 20;
    static final String PASSWORD = "secret12";

    @Test
    void aStalledBrowserHoldsTheServerBackThenGetsEveryByteInOrderBeforeTheClose() throws Exception {
        try (FloodingVncServer vnc = new FloodingVncServer(PASSWORD, FLOOD)) {
            SlowBrowser browser = new SlowBrowser();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            VncConnection connection = new VncConnection(
                    new TicketGrant("owner", 1L, "backpressure", "VNC", MemberRole.OWNER), 7L, browser, null,
                    new VncConnection.Meters(registry.counter("to-browser"), registry.counter("to-server"),
                            registry.counter("errors")), new DirectBuffers(VncRelayHandler.READ_BUFFER, 1));
            // the browser's side of the handshake goes ahead while the portal has yet to reach the VNC server
            connection.greet();
            assertThat(browser.receivedCount()).isEqualTo(12); // "RFB 003.008\n"
            connection.fromBrowser(ByteBuffer.wrap("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)));
            connection.fromBrowser(ByteBuffer.wrap(new byte[] {1}));
            connection.fromBrowser(ByteBuffer.wrap(new byte[] {0})); // ClientInit: kept until the server answers
            assertThat(browser.receivedCount()).as("security types, result").isEqualTo(18);
            browser.stall();
            Thread relay = new Thread(() -> connection.run(new TunnelTargets.Target(
                    new Endpoint("127.0.0.1", vnc.port()), PASSWORD, 8, 8, "en-us-qwerty", "test"), 5_000));
            relay.start(); // connects, authenticates, passes the ClientInit on: the server starts its flood

            await().atMost(Duration.ofSeconds(60)).until(vnc::blockedWriting);
            assertThat(vnc.clientInit).as("the portal always joins shared").isEqualTo(1);
            assertThat(browser.blockedInSend).as("the relay waits for the browser").isTrue();
            assertThat(vnc.written.get()).as("what the server got rid of while the browser read nothing")
                    .isLessThan(FLOOD / 8);

            browser.resume();
            relay.join(Duration.ofSeconds(120).toMillis());
            assertThat(relay.isAlive()).isFalse();

            byte[] received = browser.received();
            int flood = 18 + FloodingVncServer.SERVER_INIT.length;
            assertThat(received).hasSize((int) (flood + FLOOD));
            for (int i = 0; i < FLOOD; i++) {
                if (received[flood + i] != FloodingVncServer.pattern(i)) {
                    throw new AssertionError("byte " + i + " of the flood differs");
                }
            }
            assertThat(browser.receivedAtClose).as("everything was sent before the close").isEqualTo(received.length);
            assertThat(browser.closeStatus.getCode()).isEqualTo(1000);
            assertThat(registry.counter("to-browser").count()).isEqualTo(received.length);
        }
    }
}
