package io.vantage.web.notebook;

import static io.vantage.web.notebook.NotebookEntries.jupyter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.browser.Browser;

/**
 * A member's open kernel websocket follows their access as the owner changes it, at once: demoted to GUEST, the
 * cells they send are dropped by the portal (and so never run); promoted, the same websocket works again without
 * a new ticket; removed, it is closed within 2 s with the reason, and the notebook refuses them from then on. A
 * portal session that ends (an admin) or times out closes the kernel websockets opened from it; code run in them
 * keeps the portal session from timing out.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookLiveAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry registry;

    Browser browser;
    ApiClient owner;
    String uid;
    String ownerCookie;

    @BeforeAll
    void launchSharedNotebook() throws Exception {
        owner = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "live-owner", "EXP-2"));
        uid = Desktops.launchActive(owner, jdbc, "notebook", List.of("EXP-2"));
        Desktops.scientist(jdbc, "live-member", "EXP-2");
        assertThat(owner.post(members(), Map.of("userId", "live-member", "role", "USER")).status()).isEqualTo(201);
        ownerCookie = NotebookEntries.enter(owner, uid, port);
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aMembersKernelWebsocketFollowsTheirAccessAtOnce() throws Exception {
        Page notebook = browser.signedIn("live-member");
        // In a tab of its own (entered through the portal), so no portal page script can close anything itself.
        notebook.navigate(NotebookEntries.origin(uid, port) + jupyter(uid) + "/tree");
        notebook.waitForSelector("#notebook_list");
        Page instancePage = notebook.context().newPage();
        NotebookPages.openFromInstancePage(instancePage, browser.base(), uid, NotebookEntries.origin(uid, port));
        KernelSocket kernel = KernelSocket.open(notebook, jupyter(uid));
        kernel.write("as-user", "live-user.txt");
        assertThat(kernel.awaitReply("as-user", Duration.ofSeconds(60))).isEqualTo("ok");
        assertThat(exists("live-user.txt")).isTrue();

        double before = dropped();
        assertThat(owner.put(members() + "/live-member", Map.of("role", "GUEST")).status()).isEqualTo(200);
        AtomicInteger sent = new AtomicInteger();
        await().atMost(Duration.ofSeconds(2)).pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
            kernel.write("while-demoting-" + sent.incrementAndGet(), "live-while-demoting.txt");
            return dropped() > before;
        });
        double demoted = dropped();
        kernel.write("as-guest", "live-guest.txt");
        await().atMost(Duration.ofSeconds(2)).until(() -> dropped() > demoted);
        PlaywrightAssertions.assertThat(instancePage.locator("#notebook-readonly")).isVisible();

        assertThat(owner.put(members() + "/live-member", Map.of("role", "USER")).status()).isEqualTo(200);
        AtomicInteger promoted = new AtomicInteger();
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> {
            kernel.write("promoted-" + promoted.incrementAndGet(), "live-promoted.txt");
            return kernel.reply("promoted-" + promoted.get()) != null || kernel.reply("promoted-1") != null;
        });
        // The kernel answers one connection's cells in order and answered later ones: the dropped cell never ran.
        assertThat(kernel.reply("as-guest")).isNull();
        assertThat(exists("live-guest.txt")).isFalse();
        assertThat(exists("live-promoted.txt")).isTrue();
        assertThat(kernel.closed()).as("the same websocket, no new ticket").isNull();

        assertThat(owner.delete(members() + "/live-member").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(2)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> kernel.closed() != null);
        assertThat(kernel.closed()).containsEntry("code", 4403);
        assertThat(String.valueOf(kernel.closed().get("reason"))).contains("removed");
        assertThat(NotebookPages.fetch(notebook.mainFrame(), "PUT", jupyter(uid) + "/api/contents/live-removed.txt",
                "{\"type\":\"file\",\"format\":\"text\",\"content\":\"x\"}")).isEqualTo(403);
        assertThat(notebook.evaluate("async (path) => (await fetch(path)).text()", jupyter(uid) + "/api/contents"))
                .asString().contains("The owner removed you from this instance");
        assertThatThrownBy(() -> KernelSocket.open(notebook, jupyter(uid))).hasMessageContaining("403");
        assertThat(exists("live-removed.txt")).isFalse();
        PlaywrightAssertions.assertThat(instancePage.locator("#notebook-ended")).containsText("removed");
        notebook.context().close();
    }

    @Test
    void anEndedPortalSessionClosesItsKernelWebsocketAndItsNotebookCookie() throws Exception {
        Desktops.scientist(jdbc, "live-session", "EXP-2");
        assertThat(owner.post(members(), Map.of("userId", "live-session", "role", "USER")).status()).isEqualTo(201);
        Page notebook = browser.signedIn("live-session");
        notebook.navigate(NotebookEntries.origin(uid, port) + jupyter(uid) + "/tree");
        notebook.waitForSelector("#notebook_list");
        KernelSocket kernel = KernelSocket.open(notebook, jupyter(uid));
        kernel.write("in-session", "live-session.txt");
        assertThat(kernel.awaitReply("in-session", Duration.ofSeconds(60))).isEqualTo("ok");

        ApiClient admin = new ApiClient("http://localhost:" + port, oidc, "admin");
        assertThat(admin.delete("/api/admin/users/live-session/sessions").status()).isIn(200, 204);

        await().atMost(Duration.ofSeconds(2)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> kernel.closed() != null);
        assertThat(kernel.closed()).containsEntry("code", 4403);
        assertThat(String.valueOf(kernel.closed().get("reason"))).contains("An admin ended your sessions");
        // The notebook's own cookie ended with the portal session, though the person is still a member.
        assertThat(notebook.evaluate("async (path) => (await fetch(path)).status", jupyter(uid) + "/api/contents"))
                .isEqualTo(403);
        assertThatThrownBy(() -> KernelSocket.open(notebook, jupyter(uid))).hasMessageContaining("403");
        notebook.context().close();
    }

    @Test
    void aPortalSessionThatTimesOutClosesItsKernelWebsocket() throws Exception {
        Desktops.scientist(jdbc, "idle-session", "EXP-2");
        assertThat(owner.post(members(), Map.of("userId", "idle-session", "role", "USER")).status()).isEqualTo(201);
        Page notebook = browser.signedIn("idle-session");
        notebook.navigate(NotebookEntries.origin(uid, port) + jupyter(uid) + "/tree");
        notebook.waitForSelector("#notebook_list");
        KernelSocket kernel = KernelSocket.open(notebook, jupyter(uid));
        kernel.write("before-expiry", "idle-session.txt");
        assertThat(kernel.awaitReply("before-expiry", Duration.ofSeconds(60))).isEqualTo("ok");
        String portalSession = portalSession(notebook);

        // a one-second max inactive interval, as Spring Session would store it: nobody announces the time-out
        assertThat(jdbc.update("""
                update spring_session set max_inactive_interval = 1, expiry_time = last_access_time + 1000
                where session_id = ?""", portalSession)).isEqualTo(1);

        // the expiry check runs every 2 s, then the close takes as long as any other access change (2 s)
        await().atMost(Duration.ofSeconds(1 + 2 + 2)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> kernel.closed() != null);
        assertThat(kernel.closed()).containsEntry("code", 4403);
        assertThat(String.valueOf(kernel.closed().get("reason"))).contains("Your portal session expired");
        assertThat(notebook.evaluate("async (path) => (await fetch(path)).status", jupyter(uid) + "/api/contents"))
                .isEqualTo(403);
        notebook.context().close();
    }

    @Test
    void codeRunInAKernelKeepsItsPortalSessionAliveUntilItStops() throws Exception {
        Desktops.scientist(jdbc, "busy-session", "EXP-2");
        assertThat(owner.post(members(), Map.of("userId", "busy-session", "role", "USER")).status()).isEqualTo(201);
        Page notebook = browser.signedIn("busy-session");
        notebook.navigate(NotebookEntries.origin(uid, port) + jupyter(uid) + "/tree");
        notebook.waitForSelector("#notebook_list");
        KernelSocket kernel = KernelSocket.open(notebook, jupyter(uid));
        kernel.write("busy-0", "busy-session.txt");
        assertThat(kernel.awaitReply("busy-0", Duration.ofSeconds(60))).isEqualTo("ok");
        String portalSession = portalSession(notebook);
        // a fifteen-second idle timeout, set once the portal's own page is gone (its last request would write the
        // old one back); from here on the person only runs cells
        assertThat(jdbc.update("""
                update spring_session set max_inactive_interval = 15, expiry_time = last_access_time + 15000
                where session_id = ?""", portalSession)).isEqualTo(1);
        long start = lastAccess(portalSession);

        AtomicInteger cells = new AtomicInteger();
        await().atMost(Duration.ofSeconds(90)).pollInSameThread().pollInterval(Duration.ofSeconds(1))
                .alias("the session is used past two of its timeouts").until(() -> {
                    String id = "busy-" + cells.incrementAndGet();
                    kernel.write(id, "busy-session.txt");
                    assertThat(kernel.awaitReply(id, Duration.ofSeconds(30))).isEqualTo("ok");
                    assertThat(kernel.closed()).as("the kernel websocket of a session in use").isNull();
                    return lastAccess(portalSession) >= start + 2 * 15_000;
                });

        // no more cells: the session times out after its fifteen seconds, seen by the next check, then closes
        await().atMost(Duration.ofSeconds(15 + 2 + 2 + 5)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> kernel.closed() != null);
        assertThat(kernel.closed()).containsEntry("code", 4403);
        assertThat(String.valueOf(kernel.closed().get("reason"))).contains("Your portal session expired");
        notebook.context().close();
    }

    private static String portalSession(Page page) {
        return page.context().cookies().stream().filter(cookie -> cookie.name.equals("VANTAGE_SESSION"))
                .map(cookie -> new String(java.util.Base64.getDecoder().decode(cookie.value)))
                .findFirst().orElseThrow();
    }

    /** The session's last access in milliseconds, failing once the row is gone (timed out, ended). */
    private long lastAccess(String portalSession) {
        List<Long> rows = jdbc.queryForList("select last_access_time from spring_session where session_id = ?",
                Long.class, portalSession);
        assertThat(rows).as("the portal session's row").hasSize(1);
        return rows.get(0);
    }

    private String members() {
        return "/api/instances/" + uid + "/members";
    }

    private boolean exists(String file) throws Exception {
        int status = NotebookEntries.fromNotebook(port, uid, ownerCookie, "GET", jupyter(uid) + "/api/contents/" + file,
                null).status();
        assertThat(status).isIn(200, 404);
        return status == 200;
    }

    private double dropped() {
        var counter = registry.find("vantage.tunnel.input.dropped").tag("protocol", "JUPYTER").counter();
        return counter == null ? 0 : counter.count();
    }
}
