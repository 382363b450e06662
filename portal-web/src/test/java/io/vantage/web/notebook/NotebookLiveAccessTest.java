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
 * a new ticket; removed, it is closed within 2 s with the reason, and the notebook refuses them from then on.
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
