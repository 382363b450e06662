package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;

/**
 * The portal with guacd pointed at a {@link GuacdPeer}, and one running desktop (local provider) owned by 1001,
 * shared with 1002 (USER) and 9001 (GUEST). All Guacamole test classes share this portal, peer and desktop.
 */
@PortalTest
// the log test checks tickets stay out of the logs even at debug level
@TestPropertySource(properties = {"logging.level.io.vantage.api.tunnel=DEBUG",
        "logging.level.org.springframework.web.socket=DEBUG"})
public abstract class GuacamoleTestSupport {

    protected static final GuacdPeer PEER = startPeer();
    protected static final Duration WAIT = Duration.ofSeconds(20);
    private static String uid;

    @LocalServerPort
    protected int port;

    @Autowired
    protected EmbeddedOidcServer oidc;

    @Autowired
    protected JdbcTemplate jdbc;

    private final List<GuacamoleWebSocketClient> clients = new ArrayList<>();

    @DynamicPropertySource
    static void guacd(DynamicPropertyRegistry registry) {
        registry.add("vantage.tunnel.guacd.host", () -> "127.0.0.1");
        registry.add("vantage.tunnel.guacd.port", PEER::port);
    }

    private static GuacdPeer startPeer() {
        try {
            return new GuacdPeer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    protected void desktop() throws Exception {
        if (uid != null && jdbc.queryForObject("select count(*) from instances where uid = ? and state = 'ACTIVE'",
                Integer.class, uid) == 1) {
            return;
        }
        ApiClient owner = api("1001");
        long plan = jdbc.queryForObject("""
                select p.id from plans p join images i on i.id = p.image_id join flavours f on f.id = p.flavour_id
                where i.provider_image_id = 'desktop' and f.provider_flavour_id = 'small'""", Long.class);
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", plan, "experimentIds",
                List.of("EXP-1"), "name", "Shared desktop", "screenWidth", 1280, "screenHeight", 800,
                "keyboardLayout", "en-gb-qwerty"));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String launchedUid = launched.get("uid").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "ACTIVE".equals(
                owner.get("/api/instances/" + launchedUid).get("state").asText()));
        jdbc.update("""
                insert into instance_members (instance_id, user_id, role)
                select id, m.user_id, m.role from instances, (values ('1002', 'USER'), ('9001', 'GUEST')) m(user_id, role)
                where uid = ?""", launchedUid);
        uid = launchedUid;
    }

    @AfterEach
    protected void disconnectEveryone() {
        clients.forEach(GuacamoleWebSocketClient::close);
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from instance_sessions where instance_id = ? and active", Integer.class,
                instanceId()) == 0);
    }

    protected String uid() {
        return uid;
    }

    protected long instanceId() {
        return jdbc.queryForObject("select id from instances where uid = ?", Long.class, uid);
    }

    protected ApiClient api(String user) {
        return new ApiClient("http://localhost:" + port, oidc, user);
    }

    protected String ticket(String user, String protocol) throws Exception {
        ApiClient.Response issued = api(user).post("/api/instances/" + uid + "/tickets", Map.of("protocol", protocol));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
        assertThat(issued.get("websocketPath").asText()).isEqualTo(protocol.equals("GUACD") ? "/tunnels/guacamole"
                : "/tunnels/vnc");
        return issued.get("ticket").asText();
    }

    /** Opens a desktop as this user and waits for the tunnel's UUID; returns the client and guacd's view of it. */
    protected Connection connect(String user, String display) throws Exception {
        return connectWith(ticket(user, "GUACD"), display);
    }

    /** Opens a desktop with this GUACD ticket (asked for however the test likes). */
    protected Connection connectWith(String ticket, String display) throws Exception {
        int before = PEER.users().size();
        GuacamoleWebSocketClient client = open("ticket=" + ticket + "&instance=" + uid
                + (display.isEmpty() ? "" : "&" + display));
        await().atMost(WAIT).until(() -> !client.all().isEmpty());
        assertThat(client.all().get(0).getOpcode()).as("UUID announcement first").isEmpty();
        await().atMost(WAIT).until(() -> PEER.users().size() > before);
        return new Connection(client, PEER.users().get(PEER.users().size() - 1));
    }

    protected GuacamoleWebSocketClient open(String query) {
        GuacamoleWebSocketClient client = GuacamoleWebSocketClient.open(port, query);
        clients.add(client);
        return client;
    }

    public record Connection(GuacamoleWebSocketClient browser, GuacdPeer.User guacd) {

        public String uuid() {
            return browser.all().get(0).getArgs().get(0);
        }

        /** Sends a sync with a marker and waits until guacd has it: whatever was sent before has arrived by then. */
        public void flush(String marker) {
            browser.send("sync", marker);
            await().atMost(WAIT).until(() -> guacd.received("sync").contains(marker));
        }
    }
}
