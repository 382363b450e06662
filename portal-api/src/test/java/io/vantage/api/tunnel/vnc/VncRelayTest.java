package io.vantage.api.tunnel.vnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.testing.RawUpgrade;
import io.vantage.api.testing.RfbClient;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.testing.PortalTest;

/**
 * The direct VNC path against a real desktop (TigerVNC's Xvnc from the local provider): tickets, the portal
 * authenticating to Xvnc with the instance secret, the websocket as browsers and websockify clients negotiate it,
 * members sharing the desktop, and a member's access changing while they are connected.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class VncRelayTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient owner;
    String uid;

    @BeforeAll
    void launchDesktop() throws Exception {
        owner = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "vnc-owner", "EXP-1"));
        uid = Desktops.launchActive(owner, jdbc, "desktop", List.of("EXP-1"));
    }

    String url(String ticket) {
        return "ws://localhost:" + port + "/tunnels/vnc?ticket=" + ticket + "&instance=" + uid;
    }

    @Test
    void ownerReachesTheDesktopWithoutKnowingItsPassword(CapturedOutput output) throws Exception {
        String ticket = Desktops.ticket(owner, uid, "VNC");
        RfbClient client = new RfbClient();
        RfbClient.connect(url(ticket), client).join();
        RfbClient.ServerInit init = client.handshake();
        assertThat(init.securityTypes()).containsExactly(1, 1);
        assertThat(init.securityResult()).containsExactly(0, 0, 0, 0);
        assertThat(init.width()).isEqualTo(1024);
        assertThat(init.height()).isEqualTo(768);

        // A full framebuffer update request is answered with a FramebufferUpdate (message type 0).
        client.send(new byte[] {3, 0, 0, 0, 0, 0, 4, 0, 3, 0});
        assertThat(client.read(1)).containsExactly(0);
        client.close();
        assertThat(output.getAll()).doesNotContain(ticket);
    }

    @Test
    void aBrowsersCompressionOfferIsDeclinedAndTheBinarySubprotocolAnswered() throws Exception {
        String query = "/tunnels/vnc?ticket=%s&instance=" + uid;
        RawUpgrade.Answer browser = RawUpgrade.open(port, query.formatted(Desktops.ticket(owner, uid, "VNC")), null);
        assertThat(browser.status()).isEqualTo(101);
        assertThat(browser.header("Sec-WebSocket-Extensions")).as("VNC's pictures are encoded already").isNull();
        assertThat(browser.header("Sec-WebSocket-Protocol")).isNull();

        RawUpgrade.Answer websockifyStyle = RawUpgrade.open(port, query.formatted(Desktops.ticket(owner, uid, "VNC")),
                "binary");
        assertThat(websockifyStyle.status()).isEqualTo(101);
        assertThat(websockifyStyle.header("Sec-WebSocket-Protocol")).isEqualTo("binary");
        assertThat(websockifyStyle.header("Sec-WebSocket-Extensions")).isNull();
    }

    @Test
    void aTicketWorksOnceAndOnlyForItsInstance() throws Exception {
        String ticket = Desktops.ticket(owner, uid, "VNC");
        RfbClient first = new RfbClient();
        RfbClient.connect(url(ticket), first).join();
        first.handshake();
        assertThatThrownBy(() -> RfbClient.connect(url(ticket), new RfbClient()).join())
                .isInstanceOf(CompletionException.class).rootCause().hasMessageContaining("403");

        String another = Desktops.ticket(owner, uid, "VNC");
        String wrongInstance = "ws://localhost:" + port + "/tunnels/vnc?ticket=" + another + "&instance=someoneelse1";
        assertThatThrownBy(() -> RfbClient.connect(wrongInstance, new RfbClient()).join())
                .rootCause().hasMessageContaining("403");
        assertThatThrownBy(() -> RfbClient.connect("ws://localhost:" + port + "/tunnels/vnc?instance=" + uid,
                new RfbClient()).join()).rootCause().hasMessageContaining("403");
        first.close();
    }

    @Test
    void aConnectedMembersInputFollowsTheirAccessAsTheOwnerChangesIt() throws Exception {
        String member = Desktops.scientist(jdbc, "vnc-member", "EXP-2");
        ApiClient memberApi = new ApiClient("http://localhost:" + port, oidc, member);
        try (LiveEventsClient events = new LiveEventsClient("http://localhost:" + port, memberApi)) {
            new VncAccessSteps(owner, memberApi, member, "ws://localhost:" + port, events, "ws://localhost:" + port,
                    jdbc, uid).run();
        }
    }

    @Test
    void membersShareTheDesktopAndStrangersGetNoTicket() throws Exception {
        ApiClient colleague = new ApiClient("http://localhost:" + port, oidc, "1002");
        assertThat(colleague.post("/api/instances/" + uid + "/tickets", Map.of("protocol", "VNC")).status())
                .isEqualTo(404);
        jdbc.update("insert into instance_members (instance_id, user_id, role) select id, '1002', 'GUEST' from instances "
                + "where uid = ? on conflict do nothing", uid);

        RfbClient ownerClient = new RfbClient();
        RfbClient.connect(url(Desktops.ticket(owner, uid, "VNC")), ownerClient).join();
        ownerClient.handshake();
        RfbClient guestClient = new RfbClient();
        RfbClient.connect(url(Desktops.ticket(colleague, uid, "VNC")), guestClient).join();
        assertThat(guestClient.handshake().width()).isEqualTo(1024);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList("""
                select m.user_id || ':' || m.role from instance_session_members m
                join instance_sessions s on s.id = m.session_id join instances i on i.id = s.instance_id
                where i.uid = ? and m.active order by m.user_id""", String.class, uid))
                .contains("vnc-owner:OWNER", "1002:GUEST"));
        guestClient.close();
        ownerClient.close();
    }
}
