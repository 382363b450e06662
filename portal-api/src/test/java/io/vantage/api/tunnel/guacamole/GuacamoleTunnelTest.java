package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.api.testing.RawUpgrade;

/** One person's desktop through the portal's Guacamole tunnel, against a guacd protocol peer. */
class GuacamoleTunnelTest extends GuacamoleTestSupport {

    @Autowired
    TunnelTargets targets;

    @Autowired
    MeterRegistry meters;

    @Test
    void handshakeCarriesTheServersParametersAndTheBrowsersDisplay() throws Exception {
        Connection owner = connect("1001", "width=1600&height=900&dpi=120&timezone=Europe/Berlin&password=mine"
                + "&hostname=evil.example&read-only=false");

        assertThat(owner.browser().subprotocol()).isEqualTo("guacamole");
        assertThat(owner.uuid()).matches("[0-9a-f-]{36}");
        GuacdPeer.User guacd = owner.guacd();
        Endpoint vnc = targets.resolve(instanceId(), ProtocolKind.VNC).orElseThrow().endpoint();
        String secret = jdbc.queryForObject("select access_secret from instances where uid = ?", String.class, uid());
        assertThat(guacd.select).isEqualTo("vnc");
        assertThat(guacd.args).containsEntry("VERSION_1_5_0", "VERSION_1_5_0")
                .containsEntry("hostname", vnc.host()).containsEntry("port", Integer.toString(vnc.port()))
                .containsEntry("password", secret).containsEntry("read-only", "false")
                .containsEntry("color-depth", "24").containsEntry("disable-copy", "false")
                .containsEntry("disable-paste", "false").containsEntry("username", "");
        assertThat(guacd.handshake.get("size")).containsExactly("1600", "900", "120");
        assertThat(guacd.handshake.get("timezone")).containsExactly("Europe/Berlin");
        assertThat(guacd.handshake.get("name")).containsExactly("1001");
        assertThat(guacd.handshake.get("image")).contains("image/png", "image/jpeg");
        assertThat(guacd.handshake.get("audio")).isEmpty();
        assertThat(owner.browser().rawText()).doesNotContain(secret);

        Map<String, Object> session = jdbc.queryForMap("""
                select s.connection_id, m.role, m.client_id, m.user_id from instance_sessions s
                join instance_session_members m on m.session_id = s.id where s.instance_id = ? and s.active""",
                instanceId());
        assertThat(session).containsEntry("connection_id", guacd.connectionId).containsEntry("role", "OWNER")
                .containsEntry("client_id", owner.uuid()).containsEntry("user_id", "1001");

        Connection colleague = connect("1002", "");
        assertThat(colleague.guacd().handshake.get("size")).as("the instance's screen size by default")
                .containsExactly("1280", "800", "96");
    }

    @Test
    void aBrowsersCompressionOfferIsDeclined() throws Exception {
        RawUpgrade.Answer answer = RawUpgrade.open(port, "/tunnels/guacamole?ticket=" + ticket("1001", "GUACD")
                + "&instance=" + uid(), "guacamole");
        assertThat(answer.status()).isEqualTo(101);
        assertThat(answer.header("Sec-WebSocket-Protocol")).isEqualTo("guacamole");
        assertThat(answer.header("Sec-WebSocket-Extensions")).as("guacd's images are encoded already").isNull();
    }

    @Test
    void instructionsTravelBothWaysAndPingsAreAnsweredByThePortal() throws Exception {
        double toBrowser = bytes("to-browser");
        double toInstance = bytes("to-instance");
        Connection owner = connect("1001", "");

        owner.guacd().send("size", "0", "1280", "800");
        owner.guacd().send("img", "1", "14", "0", "image/png", "0", "0");
        owner.guacd().send("blob", "1", "iVBORw0KGgo=");
        owner.guacd().send("end", "1");
        owner.guacd().send("sync", "1000", "0");
        await().atMost(WAIT).until(() -> owner.browser().received("sync").contains("1000,0"));
        assertThat(owner.browser().received()).extracting(i -> i.getOpcode())
                .containsSubsequence("", "size", "img", "blob", "end", "sync");
        assertThat(owner.browser().received("img")).containsExactly("1,14,0,image/png,0,0");

        owner.browser().send("", "ping", "1234");
        owner.browser().send("key", "65", "1");
        owner.browser().send("mouse", "10", "20", "1");
        owner.browser().send("sync", "1000");
        await().atMost(WAIT).until(() -> owner.guacd().received("sync").contains("1000"));
        assertThat(owner.guacd().received()).extracting(i -> i.getOpcode()).containsExactly("key", "mouse", "sync");
        assertThat(owner.guacd().received("key")).containsExactly("65,1");
        await().atMost(WAIT).until(() -> owner.browser().received("").contains("ping,1234"));

        assertThat(bytes("to-browser")).isGreaterThan(toBrowser);
        assertThat(bytes("to-instance")).isGreaterThan(toInstance);
        assertThat(meters.get("vantage.tunnel.sessions").tag("protocol", "GUACD").gauge().value())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void imagesBeyondTheContainersFramesAndTextBeyondAsciiArriveExactlyAndInOrder() throws Exception {
        Connection owner = connect("1001", "");
        // 20 image pieces of 8,000 characters (as big as guacd makes them): far more than one 8 KiB frame of the
        // container, passed on as guacd's bytes ...
        String piece = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".repeat(125);
        List<String> blobs = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            owner.guacd().send("blob", "1", i + piece.substring(2));
            blobs.add("1," + i + piece.substring(2));
        }
        owner.guacd().send("sync", "1", "0");
        await().atMost(WAIT).until(() -> owner.browser().received("sync").contains("1,0"));
        // ... and text that is not ASCII (decoded and encoded again by the container), an image right after it
        String clipboard = "Grüße, 測定 ✓ \uD834\uDD1E";
        owner.guacd().send("name", clipboard);
        owner.guacd().send("blob", "2", piece);
        owner.guacd().send("sync", "2", "0");
        blobs.add("2," + piece);
        await().atMost(WAIT).until(() -> owner.browser().received("sync").contains("2,0"));

        assertThat(owner.browser().received()).extracting(i -> i.getOpcode())
                .containsSubsequence("blob", "sync", "name", "blob", "sync");
        assertThat(owner.browser().received("blob")).containsExactlyElementsOf(blobs);
        assertThat(owner.browser().received("name")).containsExactly(clipboard);
    }

    @Test
    void guacdHangingUpEndsTheTunnelWithAnError() throws Exception {
        double errors = errors();
        double relayErrors = relayErrors();
        Connection owner = connect("1001", "");

        owner.guacd().close();

        GuacamoleWebSocketClient.Closed closed = owner.browser().closed().get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(closed).isEqualTo(new GuacamoleWebSocketClient.Closed(1011, "515"));
        assertThat(owner.browser().received("error")).singleElement().asString().endsWith(",515");
        assertThat(errors()).isEqualTo(errors + 1);
        assertThat(relayErrors()).isEqualTo(relayErrors + 1);
        await().atMost(WAIT).until(() -> !memberActive(owner.uuid()));
    }

    @Test
    void guacdEndingTheSessionIsPassedOnAsIs() throws Exception {
        Connection owner = connect("1001", "");

        owner.guacd().send("error", "Aborted. See logs.", "520");
        owner.guacd().send("disconnect");
        owner.guacd().close();

        GuacamoleWebSocketClient.Closed closed = owner.browser().closed().get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(closed).isEqualTo(new GuacamoleWebSocketClient.Closed(1011, "520"));
        assertThat(owner.browser().received("error")).containsExactly("Aborted. See logs.,520");
        assertThat(owner.browser().received("disconnect")).hasSize(1);
    }

    @Test
    void browserLeavingClosesTheGuacdConnection() throws Exception {
        Connection owner = connect("1001", "");
        assertThat(memberActive(owner.uuid())).isTrue();

        owner.browser().close();

        await().atMost(WAIT).until(owner.guacd()::sawEndOfStream);
        await().atMost(WAIT).until(() -> !memberActive(owner.uuid()));
        assertThat(jdbc.queryForObject("select count(*) from instance_sessions where instance_id = ? and active",
                Integer.class, instanceId())).as("the last member left: the session is over").isZero();
    }

    @Test
    void garbageFromTheBrowserEndsTheTunnel() throws Exception {
        Connection owner = connect("1001", "");

        owner.browser().sendRaw("3.key,1.6");

        GuacamoleWebSocketClient.Closed closed = owner.browser().closed().get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(closed).isEqualTo(new GuacamoleWebSocketClient.Closed(1002, "768"));
        await().atMost(WAIT).until(owner.guacd()::sawEndOfStream);
        assertThat(owner.guacd().received("key")).isEmpty();
    }

    private boolean memberActive(String clientId) {
        List<Boolean> active = jdbc.queryForList("select active from instance_session_members where client_id = ?",
                Boolean.class, clientId);
        return !active.isEmpty() && active.get(0);
    }

    private double bytes(String direction) {
        return meters.get("vantage.tunnel.bytes").tag("protocol", "GUACD").tag("direction", direction).counter()
                .count();
    }

    private double errors() {
        return meters.get("vantage.tunnel.errors").tag("protocol", "GUACD").counter().count();
    }

    private double relayErrors() {
        var counter = meters.find("vantage.tunnel.guacd.errors").tag("stage", "relay").counter();
        return counter == null ? 0 : counter.count();
    }
}
