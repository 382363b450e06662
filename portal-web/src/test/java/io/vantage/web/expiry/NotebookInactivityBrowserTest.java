package io.vantage.web.expiry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.expiry.DeletionMails;
import io.vantage.api.expiry.ExpirySweep;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.Mails;
import io.vantage.api.testing.MutableClock;
import io.vantage.api.testing.TestMail;
import io.vantage.web.browser.Browser;

/**
 * Two real notebooks open in Chromium: one left alone while Jupyter keeps saving it by itself, one where cells
 * run. Only the second counts as used: the first is warned, then deleted at its deadline (not before), and its
 * page says why; the second is warned too, but running a cell takes its warning away and it lives on.
 */
@SessionExpiryPortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookInactivityBrowserTest {

    static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(15_000);

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedOidcServer oidc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ExpirySweep sweep;
    @Autowired
    ActivityRecorder activity;
    @Autowired
    DeletionMails deletionMails;

    Browser browser;
    String owner;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
        owner = Desktops.scientist(jdbc, "expiry-notebooks", "EXP-2");
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIdleNotebookIsWarnedAndDeletedOnTimeWhileOneRunningCellsIsKept() throws Exception {
        ApiClient api = new ApiClient("http://localhost:" + port, oidc, owner);
        String idle = Desktops.launchActive(api, jdbc, "notebook", List.of("EXP-2"));
        String busy = Desktops.launchActive(api, jdbc, "notebook", List.of("EXP-2"));
        Page idlePage = browser.signedIn(owner);
        Page busyPage = idlePage.context().newPage();
        Frame idleNotebook = openNotebook(idlePage, idle, "idle.ipynb");
        Frame busyNotebook = openNotebook(busyPage, busy, "busy.ipynb");

        // Jupyter saves a changed notebook on a timer (its autosave; here one save after another, a second apart,
        // where Jupyter stretches the interval on a slow machine, and something keeps changing the notebook as
        // streaming output or a half-typed cell would): each save is Jupyter's own PUT through the portal's proxy
        AtomicInteger autosaves = new AtomicInteger();
        idlePage.onResponse(response -> {
            if ("PUT".equals(response.request().method()) && response.url().contains("/api/contents/idle.ipynb")
                    && response.status() == 200) {
                autosaves.incrementAndGet();
            }
        });
        idleNotebook.evaluate("() => { (async () => { for (;;) { Jupyter.notebook.set_dirty(true);"
                + " await Jupyter.notebook.save_notebook().catch(() => {});"
                + " await new Promise(done => setTimeout(done, 1000)); } })(); }");
        runCell(busyNotebook, "print(6 * 7)", "42");
        activity.flush();
        Instant idleSince = lastInteraction(idle);

        // three days and a minute later: both are inside their warning window (24 hours before 4 days unused)
        clock.advance(Duration.between(clock.instant(), idleSince.plus(Duration.ofDays(3)).plusSeconds(60)));
        sweep.sweep();
        assertThat(idlePage.locator("#expiry-banner")).isVisible(SOON);
        assertThat(idlePage.locator("#expiry-banner")).containsText("Nobody has used this instance");
        assertThat(idlePage.locator("#expiry-banner [data-expiry=still-here]")).isVisible();
        assertThat(busyPage.locator("#expiry-banner")).isVisible(SOON);
        Browser.screenshot(idlePage, "expiry-21-idle-notebook-warned");

        // running a cell is use: the busy one's warning goes; saving by itself is not: the idle one's stays
        int savesBefore = autosaves.get();
        runCell(busyNotebook, "print('still', 'working')", "still working");
        // Playwright hands over the page's events only while it is called: wait through it
        idlePage.waitForCondition(() -> autosaves.get() >= savesBefore + 2,
                new Page.WaitForConditionOptions().setTimeout(60_000));
        activity.flush();
        sweep.sweep();
        assertThat(busyPage.locator("#expiry-banner")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
        assertThat(lastInteraction(idle)).as("autosaves are not use").isEqualTo(idleSince);
        assertThat(lastInteraction(busy)).isAfter(idleSince.plus(Duration.ofDays(3)));
        assertThat(idlePage.locator("#expiry-banner")).isVisible();

        // on time: not a moment before its deadline, at the first look after it
        Instant deadline = idleSince.plus(Duration.ofDays(4));
        clock.advance(Duration.between(clock.instant(), deadline.minusSeconds(30)));
        activity.flush();
        sweep.sweep();
        assertThat(state(idle)).isEqualTo("ACTIVE");
        clock.advance(Duration.ofSeconds(31));
        sweep.sweep();
        assertThat(state(idle)).isEqualTo("DELETING");
        assertThat(state(busy)).isEqualTo("ACTIVE");

        assertThat(idlePage.locator("#instance-state")).hasAttribute("data-state", "DELETED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(idlePage.locator("#instance-ended h2")).hasText("This instance was deleted");
        assertThat(idlePage.locator("#deletion-reason")).containsText("Nobody used it since");
        ExpiryBannerBrowserTest.assertNoControls(idlePage);
        assertThat(idlePage.locator("#notebook-frame")).hasCount(0);
        Browser.screenshot(idlePage, "expiry-22-idle-notebook-deleted");

        // launching again starts from the same choices
        idlePage.locator("#launch-again").click();
        assertThat(idlePage.locator("#name")).hasValue("Test notebook");

        deletionMails.sendDue();
        deletionMails.sendDue();
        List<MimeMessage> told = TestMail.mentioning(SessionExpiryPortalTest.INSTANCE_LINKS + idle).stream()
                .filter(mail -> Mails.subject(mail).endsWith("was deleted")).toList();
        assertThat(TestMail.recipients(told)).containsExactly("expiry-notebooks@example.org");
        assertThat(Mails.plain(told.get(0))).contains("Nobody used it since").contains("Test notebook");

        // deleted on today's clock: a command queued days ahead would not be due once the clock is reset, and its
        // machine would run on through the other tests
        clock.reset();
        // pages closed first: a page watching its notebook's deletion removes the frame, whose Jupyter may ask
        // "leave the page?", and that dialog racing the closing browser profile crashed Playwright's driver
        idlePage.context().close();
        assertThat(api.delete("/api/instances/" + busy).status()).isEqualTo(202);
    }

    /**
     * The instance page with its notebook frame (on the notebook's own origin), a new notebook created by the
     * frame's own script and opened in it, its kernel ready.
     */
    Frame openNotebook(Page page, String uid, String file) {
        page.navigate(browser.base() + "/instances/" + uid);
        // the frame starts blank and is sent to the notebook's origin once its ticket arrives: wait through the
        // element, then take the frame that landed there
        try {
            page.frameLocator("#notebook-frame").locator("#notebook_list")
                    .waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        } catch (RuntimeException e) {
            Browser.screenshot(page, "expiry-20-notebook-not-open-" + uid);
            throw new AssertionError("notebook frame never listed files; frames: "
                    + page.frames().stream().map(Frame::url).toList(), e);
        }
        Frame frame = page.frames().stream().filter(f -> f != page.mainFrame() && f.url().contains("/jupyter/"))
                .findFirst().orElseThrow(() -> new AssertionError("no notebook frame in "
                        + page.frames().stream().map(Frame::url).toList()));
        String base = frame.url().substring(0, frame.url().indexOf("/jupyter/") + "/jupyter/".length());
        frame.evaluate("([url]) => fetch(url, {method: 'PUT', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({type: 'notebook',"
                + " format: 'json', content: {cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5}})})"
                + ".then(r => { if (!r.ok) throw new Error('create: ' + r.status); })",
                List.of(base + "api/contents/" + file));
        frame.navigate(base + "notebooks/" + file);
        frame.waitForSelector("#kernel_indicator_icon.kernel_idle_icon",
                new Frame.WaitForSelectorOptions().setTimeout(60_000));
        return frame;
    }

    static void runCell(Frame notebook, String code, String output) {
        notebook.locator(".CodeMirror").last().click();
        notebook.page().keyboard().type(code);
        notebook.page().keyboard().press("Shift+Enter");
        notebook.waitForSelector(".output_subarea:has-text('" + output + "')");
    }

    Instant lastInteraction(String uid) {
        return jdbc.queryForObject("select last_interaction_at from instances where uid = ?", Timestamp.class, uid)
                .toInstant();
    }

    String state(String uid) {
        return jdbc.queryForObject("select state from instances where uid = ?", String.class, uid);
    }
}
