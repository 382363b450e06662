package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The tunnel opens only with a fresh GUACD ticket for that instance, and tickets never reach the logs. */
@ExtendWith(OutputCaptureExtension.class)
class GuacamoleTicketTest extends GuacamoleTestSupport {

    @Test
    void noTicketNoTunnel() {
        assertRefused("instance=" + uid());
        assertRefused("ticket=made-up&instance=" + uid());
    }

    @Test
    void aTicketOpensOneTunnelOnly() throws Exception {
        String ticket = ticket("1001", "GUACD");
        GuacamoleWebSocketClient first = open("ticket=" + ticket + "&instance=" + uid());
        await().atMost(WAIT).until(() -> !first.all().isEmpty());

        assertRefused("ticket=" + ticket + "&instance=" + uid());
    }

    @Test
    void aTicketForAnotherProtocolOrInstanceIsRefused() throws Exception {
        assertRefused("ticket=" + ticket("1001", "VNC") + "&instance=" + uid());
        assertRefused("ticket=" + ticket("1001", "GUACD") + "&instance=someone-elses");
    }

    @Test
    void ticketsStayOutOfTheLogs(CapturedOutput output) throws Exception {
        String used = ticket("1001", "GUACD");
        Connection owner = connect(used);
        owner.browser().send("key", "65", "1");
        owner.flush("logged");
        owner.browser().close();
        await().atMost(WAIT).until(owner.guacd()::sawEndOfStream);
        String refused = ticket("1002", "GUACD");
        assertRefused("ticket=" + refused + "&instance=someone-elses");
        String secret = jdbc.queryForObject("select access_secret from instances where uid = ?", String.class, uid());

        await().atMost(WAIT).until(() -> output.getAll().contains("Desktop of instance " + uid() + " open for user 1001"));
        assertThat(output.getAll()).as("debug logging of the tunnel and of Spring's websocket support is on")
                .contains("New StandardWebSocketSession").contains("/tunnels/guacamole?instance=" + uid())
                .doesNotContain(used).doesNotContain(refused).doesNotContain(secret);
    }

    private Connection connect(String ticket) {
        int before = PEER.users().size();
        GuacamoleWebSocketClient client = open("ticket=" + ticket + "&instance=" + uid());
        await().atMost(WAIT).until(() -> PEER.users().size() > before && !client.all().isEmpty());
        List<GuacdPeer.User> users = PEER.users();
        return new Connection(client, users.get(users.size() - 1));
    }

    private void assertRefused(String query) {
        assertThatThrownBy(() -> open(query)).isInstanceOfSatisfying(GuacamoleWebSocketClient.Refused.class,
                refused -> assertThat(refused.status).isEqualTo(403));
    }
}
