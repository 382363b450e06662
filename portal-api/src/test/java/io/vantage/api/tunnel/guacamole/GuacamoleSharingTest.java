package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.SessionTracker;
import io.vantage.api.testing.LiveEventsClient;

/** Several people on one desktop: one guacd connection, joined by the others; watchers' input never reaches guacd. */
class GuacamoleSharingTest extends GuacamoleTestSupport {

    private static final List<String> INPUT = List.of("key", "mouse", "touch", "clipboard", "blob", "end", "size",
            "file", "argv");

    @Autowired
    ActivityRecorder activity;

    @Autowired
    SessionTracker tracker;

    @Test
    void membersJoinTheOwnersConnectionAndGuestsOnlyWatch() throws Exception {
        Connection owner = connect("1001", "");
        Connection colleague = connect("1002", "");
        Connection guest = connect("9001", "width=800&height=600");

        String shared = owner.guacd().connectionId;
        assertThat(colleague.guacd().select).isEqualTo(shared);
        assertThat(guest.guacd().select).isEqualTo(shared);
        assertThat(colleague.guacd().args).containsEntry("read-only", "false").containsEntry("hostname", "")
                .containsEntry("password", "");
        // guacd fixes a user's input handlers at join: only the portal's filter can let a promoted guest type
        assertThat(guest.guacd().args).containsEntry("read-only", "false").containsEntry("password", "");
        assertThat(jdbc.queryForList("""
                select m.role from instance_session_members m join instance_sessions s on s.id = m.session_id
                where s.instance_id = ? and s.active and m.active order by m.id""", String.class, instanceId()))
                .containsExactly("OWNER", "USER", "GUEST");

        guest.guacd().send("sync", "42", "0");
        await().atMost(WAIT).until(() -> guest.browser().received("sync").contains("42,0"));

        sendAllInput(guest);
        guest.flush("guest-done");
        assertThat(guest.guacd().received()).extracting(i -> i.getOpcode()).doesNotContainAnyElementsOf(INPUT);

        sendAllInput(colleague);
        colleague.flush("colleague-done");
        assertThat(colleague.guacd().received()).extracting(i -> i.getOpcode())
                .containsSubsequence("key", "mouse", "touch", "clipboard", "blob", "end", "size", "file")
                .doesNotContain("argv");

        activity.flush();
        assertThat(lastInteraction(colleague.uuid())).as("the colleague typed").isTrue();
        assertThat(lastInteraction(guest.uuid())).as("the guest's input was dropped").isFalse();
        assertThat(jdbc.queryForObject("select last_interaction_at is not null from instances where id = ?",
                Boolean.class, instanceId())).isTrue();
    }

    @Test
    void aGuestAloneStartsTheConnectionAndStillOnlyWatches() throws Exception {
        Connection guest = connect("9001", "");
        assertThat(guest.guacd().select).isEqualTo("vnc");
        assertThat(guest.guacd().args.get("password")).as("starting the VNC connection needs it").isNotEmpty();
        sendAllInput(guest);
        guest.flush("guest-alone");
        assertThat(guest.guacd().received()).extracting(i -> i.getOpcode()).doesNotContainAnyElementsOf(INPUT);
    }

    @Test
    void whenTheOwnerLeavesTheOthersWatchUntilTheOwnerIsBack() throws Exception {
        try (LiveEventsClient events = new LiveEventsClient("http://localhost:" + port, api("1002"))) {
            Connection owner = connect("1001", "");
            Connection colleague = connect("1002", "");
            colleague.browser().send("key", "65", "1");
            colleague.flush("before");
            assertThat(colleague.guacd().received("key")).containsExactly("65,1");

            owner.browser().close();

            // the switch comes through the database's notifications: wait until a key no longer arrives
            AtomicInteger round = new AtomicInteger();
            await().atMost(WAIT).until(() -> {
                int n = round.incrementAndGet();
                colleague.browser().send("key", Integer.toString(1000 + n), "1");
                colleague.flush("round-" + n);
                return !colleague.guacd().received("key").contains((1000 + n) + ",1");
            });
            int keys = colleague.guacd().received("key").size();
            sendAllInput(colleague);
            colleague.flush("after");
            assertThat(colleague.guacd().received("key")).hasSize(keys);
            assertThat(colleague.guacd().received()).extracting(i -> i.getOpcode())
                    .doesNotContain("mouse", "clipboard", "blob", "size");
            assertThat(colleague.browser().closed()).as("still watching").isNotDone();
            await().atMost(WAIT).until(() -> events.of("access", "\"access\":\"watching\"").stream()
                    .anyMatch(e -> e.data().contains("The owner left the session")));

            connect("1001", "");

            // told after the switch: from then on the colleague's keys arrive again, without reconnecting
            await().atMost(WAIT).until(() -> events.of("access", "\"access\":\"control\"").stream()
                    .anyMatch(e -> e.data().contains("The owner is back")));
            colleague.browser().send("key", "2000", "1");
            colleague.flush("owner-back");
            assertThat(colleague.guacd().received("key")).contains("2000,1");
        }
    }

    @Test
    void anAdministratorEndsOneConnection() throws Exception {
        Connection owner = connect("1001", "");
        Connection colleague = connect("1002", "");
        long member = jdbc.queryForObject("select id from instance_session_members where client_id = ?", Long.class,
                colleague.uuid());

        tracker.end(member, uid());

        GuacamoleWebSocketClient.Closed closed = colleague.browser().closed().get(20, TimeUnit.SECONDS);
        assertThat(closed).isEqualTo(new GuacamoleWebSocketClient.Closed(1002, "523"));
        assertThat(colleague.browser().received("error")).containsExactly("An administrator ended this session,523");
        await().atMost(WAIT).until(colleague.guacd()::sawEndOfStream);
        owner.flush("owner-still-here");
        assertThat(owner.browser().closed()).isNotDone();
    }

    @Test
    void aSharedConnectionGuacdNoLongerKnowsIsReplaced() throws Exception {
        jdbc.update("insert into instance_sessions (instance_id, protocol, connection_id) values (?, 'GUACD', ?)",
                instanceId(), "$gone-after-a-crash");

        Connection owner = connect("1001", "");

        assertThat(PEER.selects()).containsSubsequence("$gone-after-a-crash", "vnc");
        assertThat(owner.guacd().select).isEqualTo("vnc");
        assertThat(jdbc.queryForList("select connection_id from instance_sessions where instance_id = ? and active",
                String.class, instanceId())).containsExactly(owner.guacd().connectionId);
    }

    private static void sendAllInput(Connection connection) {
        GuacamoleWebSocketClient browser = connection.browser();
        browser.send("key", "65", "1");
        browser.send("mouse", "100", "100", "1");
        browser.send("touch", "0", "10", "10", "5", "5", "0", "1");
        browser.send("clipboard", "0", "text/plain");
        browser.send("blob", "0", "aGVsbG8=");
        browser.send("end", "0");
        browser.send("size", "1024", "768");
        browser.send("file", "1", "text/plain", "notes.txt");
        browser.send("argv", "2", "text/plain", "password");
    }

    private boolean lastInteraction(String clientId) {
        return jdbc.queryForObject("select last_interaction_at is not null from instance_session_members "
                + "where client_id = ?", Boolean.class, clientId);
    }
}
