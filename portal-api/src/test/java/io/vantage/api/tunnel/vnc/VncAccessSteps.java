package io.vantage.api.tunnel.vnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.testing.RfbClient;

/**
 * A member types into a real desktop's xterm over the VNC relay while the owner changes their access: what reaches
 * the desktop is what its shell does (a file appears in its home). Keys typed on one connection reach Xvnc in
 * order, so once a later file exists, an earlier one that does not was never typed into the desktop.
 *
 * @param owner       makes the changes (through any replica)
 * @param member      the member's API client, for their ticket
 * @param memberRelay websocket base the member's connection opens on ({@code ws://host:port})
 * @param events      the member's live events (through any replica)
 */
public record VncAccessSteps(ApiClient owner, ApiClient member, String memberId, String memberRelay,
                             LiveEventsClient events, String ownerRelay, JdbcTemplate jdbc, String uid) {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Access changes reach open connections within a second; twice that on a busy machine. */
    public static final long CLOSE_WITHIN_SECONDS = 2;

    /** USER types; demoted to GUEST their keys are dropped; promoted they type again; removed they are cut off. */
    public void run() throws Exception {
        String marker = "access-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(owner.post(members(), Map.of("userId", memberId, "role", "USER")).status()).isEqualTo(201);
        RfbClient ownerClient = connect(owner, ownerRelay);
        RfbClient client = connect(member, memberRelay);

        awaitTyping(client, marker);
        typeAndAwait(client, marker + "-user");

        assertThat(owner.put(members() + "/" + memberId, Map.of("role", "GUEST")).status()).isEqualTo(200);
        awaitAccess("watching", "changed your role to GUEST");
        client.type("touch " + marker + "-guest\n");

        assertThat(owner.put(members() + "/" + memberId, Map.of("role", "USER")).status()).isEqualTo(200);
        awaitAccess("control", "changed your role to USER");
        typeAndAwait(client, marker + "-promoted");
        assertThat(Desktops.inHome(jdbc, uid, marker + "-guest")).as("typed while watching").isFalse();

        assertThat(owner.delete(members() + "/" + memberId).status()).isEqualTo(204);
        assertThat(client.closed().get(CLOSE_WITHIN_SECONDS, TimeUnit.SECONDS))
                .isEqualTo("1000 The owner removed you from this instance");
        awaitAccess("closed", "The owner removed you from this instance");
        try {
            client.type("touch " + marker + "-removed\n");
        } catch (RuntimeException expected) {
            // the websocket is closed: nothing can be sent, which is the point
        }
        typeAndAwait(ownerClient, marker + "-owner");
        assertThat(Desktops.inHome(jdbc, uid, marker + "-removed")).as("typed after removal").isFalse();
        ownerClient.close();
    }

    private String members() {
        return "/api/instances/" + uid + "/members";
    }

    private RfbClient connect(ApiClient as, String relay) throws Exception {
        RfbClient client = new RfbClient();
        RfbClient.connect(relay + "/tunnels/vnc?ticket=" + Desktops.ticket(as, uid, "VNC") + "&instance=" + uid,
                client).join();
        client.handshake();
        client.click(200, 200); // into the xterm (openbox focuses on click)
        return client;
    }

    /**
     * A desktop just started may lose the first keys (its window manager and shell are still coming up): type a
     * command of ours until one has run, so the keys that matter are typed into a desktop that takes them.
     */
    private void awaitTyping(RfbClient client, String marker) {
        AtomicInteger round = new AtomicInteger();
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).until(() -> {
            for (int n = 1; n <= round.get(); n++) {
                if (Desktops.inHome(jdbc, uid, marker + "-ready-" + n)) {
                    return true;
                }
            }
            client.click(200, 200);
            client.clearLine();
            client.type("touch " + marker + "-ready-" + round.incrementAndGet() + "\n");
            return false;
        });
    }

    private void typeAndAwait(RfbClient client, String file) {
        client.clearLine();
        client.type("touch " + file + "\n");
        await().atMost(WAIT).until(() -> Desktops.inHome(jdbc, uid, file));
    }

    private void awaitAccess(String access, String reason) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events.of("access", "\"access\":\"" + access + "\"").stream()
                .anyMatch(event -> event.data().contains(uid) && event.data().contains(reason)));
    }
}
