package io.vantage.web.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Page;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.domain.database.EmbeddedPostgresServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.testing.RfbClient;
import io.vantage.api.testing.TestWorkDirs;
import io.vantage.web.browser.Browser;
import io.vantage.web.notebook.KernelSocket;
import io.vantage.api.tunnel.guacamole.GuacamoleAccessSteps;
import io.vantage.api.tunnel.guacamole.GuacdPeer;
import io.vantage.api.tunnel.vnc.VncAccessSteps;

/**
 * Two portal replicas on one PostgreSQL, as on Kubernetes: commands run once, tickets, live events and browser
 * sessions work across replicas (an admin ends a person's sessions on all of them), access changed through one
 * replica reaches connections (desktops, notebooks) open on the other, and when one replica goes away in the
 * middle of work the other carries on, its sessions too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasTest {

    Replica a;
    Replica b;
    JdbcTemplate jdbc;
    EmbeddedOidcServer oidc;
    GuacdPeer guacd;
    /** 1001's desktop, launched through replica a. */
    String desktop;
    HttpSession survivor;

    @BeforeAll
    void startReplicas() throws Exception {
        String database = EmbeddedPostgresServer.freshDatabase();
        Path workDir = TestWorkDirs.create("ha-local");
        guacd = new GuacdPeer();
        String[] central = {"vantage.tunnel.guacd.host=127.0.0.1", "vantage.tunnel.guacd.port=" + guacd.port()};
        a = Replica.start("a", database, workDir, null, central);
        jdbc = a.bean(JdbcTemplate.class);
        new ResourceDatabasePopulator(new ClassPathResource("demo/seed.sql")).execute(jdbc.getDataSource());
        oidc = a.bean(EmbeddedOidcServer.class);
        b = Replica.start("b", database, workDir, oidc.issuerUri(), central);
    }

    @AfterAll
    void stopReplicas() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (guacd != null) {
            guacd.close();
        }
    }

    @Test
    @Order(1)
    void everyCommandRunsExactlyOnceAcrossReplicas() {
        Long plan = Desktops.plan(jdbc, "desktop", "small");
        jdbc.update("insert into users (id, last_name) values ('queue-owner', 'Queue')");
        for (int i = 0; i < 10; i++) {
            Long instance = jdbc.queryForObject("""
                    insert into instances (uid, name, plan_id, provider_id, state, screen_width, screen_height, access_secret)
                    select ?, 'queue test', p.id, i.provider_id, 'BUILDING', 1280, 800, 's'
                    from plans p join images i on i.id = p.image_id where p.id = ? returning id""",
                    Long.class, "queue" + String.format("%07d", i), plan);
            jdbc.update("insert into instance_members (instance_id, user_id, role) values (?, 'queue-owner', 'OWNER')", instance);
            for (int c = 0; c < 3; c++) {
                jdbc.update("insert into instance_commands (instance_id, type) values (?, 'SYNC')", instance);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from instance_commands where type = 'SYNC' and state = 'SUCCEEDED'", Integer.class) == 30);
        assertThat(jdbc.queryForList("select distinct attempts from instance_commands where type = 'SYNC'", Integer.class))
                .containsExactly(1);
        assertThat(executed(a) + executed(b)).isEqualTo(30);
    }

    @Test
    @Order(2)
    void aTicketFromOneReplicaOpensATunnelOnTheOther() throws Exception {
        ApiClient onA = new ApiClient(a.base(), oidc, "1001");
        desktop = Desktops.launchActive(onA, jdbc, "desktop", List.of("EXP-1"));
        String ticket = Desktops.ticket(onA, desktop, "VNC");
        RfbClient client = new RfbClient();
        RfbClient.connect("ws://localhost:" + b.port() + "/tunnels/vnc?ticket=" + ticket + "&instance=" + desktop,
                client).join();
        assertThat(client.handshake().width()).isEqualTo(1024);
        client.close();
    }

    @Test
    @Order(3)
    void accessChangedThroughOneReplicaReachesAVncConnectionOpenOnTheOther() throws Exception {
        ApiClient owner = new ApiClient(a.base(), oidc, "1001");
        ApiClient member = new ApiClient(b.base(), oidc, Desktops.scientist(jdbc, "ha-vnc-member", "EXP-2"));
        try (LiveEventsClient events = new LiveEventsClient(a.base(), member)) {
            new VncAccessSteps(owner, member, "ha-vnc-member", "ws://localhost:" + b.port(), events,
                    "ws://localhost:" + a.port(), jdbc, desktop).run();
        }
    }

    @Test
    @Order(4)
    void accessChangedThroughOneReplicaReachesAGuacamoleTunnelOpenOnTheOther() throws Exception {
        ApiClient owner = new ApiClient(a.base(), oidc, "1001");
        ApiClient member = new ApiClient(b.base(), oidc, Desktops.scientist(jdbc, "ha-guac-member", "EXP-2"));
        try (LiveEventsClient events = new LiveEventsClient(a.base(), member)) {
            new GuacamoleAccessSteps(owner, member, "ha-guac-member", b.port(), guacd, events, desktop).run();
        }
    }

    @Test
    @Order(5)
    void aStateChangeMadeOnOneReplicaReachesBrowsersAndConnectionsOfTheOther() throws Exception {
        ApiClient onA = new ApiClient(a.base(), oidc, "1002");
        String uid = Desktops.launchActive(onA, jdbc, "desktop", List.of("EXP-2"));
        List<String> received = new CopyOnWriteArrayList<>();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(b.base() + "/api/events")).header("Authorization", "Bearer " + onA.token()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body()))) {
                lines.lines().forEach(received::add);
            } catch (Exception ignored) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(":connected"));
        RfbClient desktop = new RfbClient();
        RfbClient.connect("ws://localhost:" + b.port() + "/tunnels/vnc?ticket=" + Desktops.ticket(onA, uid, "VNC")
                + "&instance=" + uid, desktop).join();
        desktop.handshake();

        assertThat(onA.post("/api/instances/" + uid + "/stop", null).status()).isEqualTo(202);
        assertThat(desktop.closed().get(VncAccessSteps.CLOSE_WITHIN_SECONDS, java.util.concurrent.TimeUnit.SECONDS))
                .as("a connection on the other replica ends as the instance stops")
                .isEqualTo("1000 The instance was stopped");
        await().atMost(Duration.ofSeconds(60)).until(() -> received.stream()
                .anyMatch(line -> line.startsWith("data:") && line.contains(uid) && line.contains("\"state\":\"STOPPED\"")));
        assertThat(received).anyMatch(line -> line.equals("event:state"));
        stream.body().close();
    }

    @Test
    @Order(6)
    void aNotebookWebsocketOnOneReplicaFollowsAccessChangedOnTheOther() throws Exception {
        ApiClient owner = new ApiClient(a.base(), oidc, Desktops.scientist(jdbc, "ha-notebook-owner", "EXP-2"));
        String uid = Desktops.launchActive(owner, jdbc, "notebook", List.of("EXP-2"));
        Desktops.scientist(jdbc, "ha-notebook-member", "EXP-2");
        String member = "/api/instances/" + uid + "/members/ha-notebook-member";
        assertThat(owner.post("/api/instances/" + uid + "/members", java.util.Map.of("userId", "ha-notebook-member",
                "role", "USER")).status()).isEqualTo(201);
        try (Browser browser = new Browser(b.base())) {
            Page notebook = browser.signedIn("ha-notebook-member");
            notebook.navigate("http://" + uid + ".notebooks.localhost:" + b.port() + "/instances/" + uid + "/jupyter/tree");
            notebook.waitForSelector("#notebook_list");
            KernelSocket kernel = KernelSocket.open(notebook, "/instances/" + uid + "/jupyter");
            kernel.write("on-b", "ha-on-b.txt");
            assertThat(kernel.awaitReply("on-b", Duration.ofSeconds(60))).isEqualTo("ok");

            // Changed through replica A; the websocket is held by replica B.
            double before = dropped(b);
            assertThat(owner.put(member, java.util.Map.of("role", "GUEST")).status()).isEqualTo(200);
            AtomicInteger sent = new AtomicInteger();
            await().atMost(Duration.ofSeconds(2)).pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
                kernel.write("demoted-" + sent.incrementAndGet(), "ha-demoted.txt");
                return dropped(b) > before;
            });
            assertThat(owner.put(member, java.util.Map.of("role", "USER")).status()).isEqualTo(200);
            AtomicInteger promoted = new AtomicInteger();
            await().atMost(Duration.ofSeconds(5)).pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> {
                kernel.write("promoted-" + promoted.incrementAndGet(), "ha-promoted.txt");
                return kernel.reply("promoted-1") != null || kernel.reply("promoted-" + promoted.get()) != null;
            });
            assertThat(owner.delete(member).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(2)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                    .until(() -> kernel.closed() != null);
            assertThat(kernel.closed()).containsEntry("code", 4403);
        }
        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }

    @Test
    @Order(7)
    void aSessionFromOneReplicaWorksOnTheOtherAndAnAdminEndsItEverywhere() throws Exception {
        HttpSession dorothy = signedInOnA("1002", "Dorothy", "Hodgkin");
        survivor = signedInOnA("2001", "Lise", "Meitner");
        HttpResponse<String> onB = dorothy.get(b.base() + "/api/me");
        assertThat(onB.statusCode()).as("the session made on A, read from the database by B").isEqualTo(200);
        assertThat(onB.body()).contains("\"id\":\"1002\"");

        LiveEventsClient streamOnA = new LiveEventsClient(dorothy);
        // Her desktop connection, opened on A with a ticket her browser session asked for.
        ApiClient owner = new ApiClient(a.base(), oidc, "1001");
        assertThat(owner.post("/api/instances/" + desktop + "/members", java.util.Map.of("userId", "1002", "role",
                "USER")).status()).isEqualTo(201);
        RfbClient desktopOnA = new RfbClient();
        RfbClient.connect("ws://localhost:" + a.port() + "/tunnels/vnc?ticket=" + sessionTicket(dorothy, desktop)
                + "&instance=" + desktop, desktopOnA).join();
        desktopOnA.handshake();

        ApiClient adminOnB = new ApiClient(b.base(), oidc, "admin");
        ApiClient.Response ended = adminOnB.delete("/api/admin/users/1002/sessions");
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(ended.get("ended").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).alias("A ends the event stream of the session ended on B")
                .until(streamOnA::ended);
        assertThat(desktopOnA.closed().get(VncAccessSteps.CLOSE_WITHIN_SECONDS, java.util.concurrent.TimeUnit.SECONDS))
                .as("A closes the desktop the session ended on B had opened").endsWith("An admin ended your sessions.");

        assertThat(HttpSession.location(dorothy.get(a.base() + "/"))).as("sent to the login on the other replica")
                .endsWith("/oauth2/authorization/vantage");
        assertThat(dorothy.get(b.base() + "/api/me").statusCode()).isEqualTo(401);
        assertThat(survivor.get(b.base() + "/api/me").statusCode()).as("only that person's sessions").isEqualTo(200);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_events where action = 'admin.user.sessions.end' and target_id = '1002'
                and actor_id = 'admin'""", Integer.class)).isOne();
    }

    /** A VNC ticket asked for by this browser session, as the instance page does (session cookie, CSRF token). */
    private String sessionTicket(HttpSession browser, String uid) throws Exception {
        String page = browser.get(a.base() + "/instances/" + uid).body();
        java.util.regex.Matcher header = java.util.regex.Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"")
                .matcher(page);
        assertThat(header.find()).isTrue();
        HttpResponse<String> issued = browser.send(HttpRequest.newBuilder(URI.create(a.base() + "/api/instances/" + uid
                        + "/tickets")).header("Content-Type", "application/json").header(header.group(1),
                        HttpSession.csrf(page)).POST(HttpRequest.BodyPublishers.ofString("{\"protocol\":\"VNC\"}")).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        java.util.regex.Matcher ticket = java.util.regex.Pattern.compile("\"ticket\":\"([^\"]+)\"").matcher(issued.body());
        assertThat(ticket.find()).isTrue();
        return ticket.group(1);
    }

    private HttpSession signedInOnA(String id, String firstName, String lastName) throws Exception {
        HttpSession browser = new HttpSession(a.base());
        assertThat(browser.loginThroughEmbeddedProvider(id, "{\"given_name\":\"" + firstName
                + "\",\"family_name\":\"" + lastName + "\"}").statusCode()).isEqualTo(200);
        return browser;
    }

    @Test
    @Order(8)
    void whenAReplicaGoesAwayTheOtherFinishesItsWork() throws Exception {
        ApiClient onA = new ApiClient(a.base(), oidc, "2001");
        var launched = onA.post("/api/instances", java.util.Map.of("planId", Desktops.plan(jdbc, "desktop", "small"),
                "experimentIds", List.of(), "name", "Survivor"));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String uid = launched.get("uid").asText();
        // A command a dead replica held: claimed, lease already over. The survivor must take it over.
        jdbc.update("""
                insert into instance_commands (instance_id, type, state, locked_by, locked_until, attempts, started_at)
                select id, 'SYNC', 'RUNNING', 'dead-replica/worker', now() - interval '1 second', 1, now()
                from instances where uid = 'queue0000000'""");
        a.close();
        jdbc = b.bean(JdbcTemplate.class);

        ApiClient onB = new ApiClient(b.base(), oidc, "2001");
        Desktops.awaitState(onB, uid, "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("""
                select c.state from instance_commands c join instances i on i.id = c.instance_id
                where i.uid = 'queue0000000' and c.attempts = 2""", String.class).equals(List.of("SUCCEEDED")));
        assertThat(onB.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }

    @Test
    @Order(9)
    void sessionsOutliveTheReplicaThatMadeThem() throws Exception {
        assertThat(a.context.isActive()).isFalse();
        HttpResponse<String> page = survivor.get(b.base() + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-user=\"2001\"");
    }

    private static double dropped(Replica replica) {
        var counter = replica.bean(MeterRegistry.class).find("vantage.tunnel.input.dropped").tags("protocol", "JUPYTER")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static double executed(Replica replica) {
        var counter = replica.bean(MeterRegistry.class).find("vantage.commands").tags("type", "SYNC", "outcome", "success")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
