package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vantage.api.tunnel.vnc.VncAccessSteps;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.LiveEventsClient;

/**
 * A member's Guacamole tunnel while the owner changes their access, judged by what the guacd peer receives. A
 * {@code sync} sent after a key arrives after it, so once the sync is there the key would be too.
 *
 * @param owner      makes the changes (through any replica)
 * @param member     the member's API client, for their ticket
 * @param memberPort the replica the member's tunnel opens on
 * @param events     the member's live events (through any replica)
 */
public record GuacamoleAccessSteps(ApiClient owner, ApiClient member, String memberId, int memberPort,
                                   GuacdPeer peer, LiveEventsClient events, String uid) {

    static final Duration WAIT = Duration.ofSeconds(20);

    /** USER types; demoted to GUEST their keys are dropped; promoted they type again; removed they are cut off. */
    public void run() throws Exception {
        assertThat(owner.post(members(), Map.of("userId", memberId, "role", "USER")).status()).isEqualTo(201);
        int before = peer.users().size();
        GuacamoleWebSocketClient browser = GuacamoleWebSocketClient.open(memberPort, "ticket="
                + Desktops.ticket(member, uid, "GUACD") + "&instance=" + uid);
        try {
            await().atMost(WAIT).until(() -> peer.users().size() > before);
            GuacdPeer.User guacd = peer.users().get(peer.users().size() - 1);
            await().atMost(WAIT).until(() -> !browser.all().isEmpty()); // the tunnel's UUID: relaying from now on

            keyArrives(browser, guacd, "65", true);

            assertThat(owner.put(members() + "/" + memberId, Map.of("role", "GUEST")).status()).isEqualTo(200);
            awaitAccess("watching", "changed your role to GUEST");
            keyArrives(browser, guacd, "66", false);
            browser.send("clipboard", "7", "text/plain");
            browser.send("size", "800", "600");
            flush(browser, guacd, "watching-done");
            assertThat(guacd.received("clipboard")).isEmpty();
            assertThat(guacd.received("size")).isEmpty();

            assertThat(owner.put(members() + "/" + memberId, Map.of("role", "USER")).status()).isEqualTo(200);
            awaitAccess("control", "changed your role to USER");
            keyArrives(browser, guacd, "67", true);

            assertThat(owner.delete(members() + "/" + memberId).status()).isEqualTo(204);
            assertThat(browser.closed().get(VncAccessSteps.CLOSE_WITHIN_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo(new GuacamoleWebSocketClient.Closed(1002, "523"));
            assertThat(browser.received("error")).containsExactly("The owner removed you from this instance,523");
            await().atMost(WAIT).until(guacd::sawEndOfStream);
            try {
                browser.send("key", "68", "1");
            } catch (RuntimeException expected) {
                // closed: nothing can be sent
            }
            assertThat(guacd.received("key")).containsExactly("65,1", "67,1");
            awaitAccess("closed", "The owner removed you from this instance");
        } finally {
            browser.close();
        }
    }

    private String members() {
        return "/api/instances/" + uid + "/members";
    }

    private static void keyArrives(GuacamoleWebSocketClient browser, GuacdPeer.User guacd, String key,
                                   boolean arrives) {
        browser.send("key", key, "1");
        flush(browser, guacd, "after-" + key);
        assertThat(guacd.received("key").contains(key + ",1")).as("key %s reached guacd", key).isEqualTo(arrives);
    }

    private static void flush(GuacamoleWebSocketClient browser, GuacdPeer.User guacd, String marker) {
        browser.send("sync", marker);
        await().atMost(WAIT).until(() -> guacd.received("sync").contains(marker));
    }

    private void awaitAccess(String access, String reason) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events.of("access", "\"access\":\"" + access + "\"").stream()
                .anyMatch(event -> event.data().contains(uid) && event.data().contains(reason)));
    }
}
