package io.vantage.web.expiry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.Mails;
import io.vantage.api.testing.MutableClock;
import io.vantage.api.testing.TestInstances;
import io.vantage.api.testing.TestMail;
import io.vantage.web.browser.Browser;

/**
 * A real desktop in Chromium reaching the end of its lifetime: the warning appears live while the desktop is open
 * and on a fresh page, counts down in seconds, stays visible in full screen and on the dashboard card; one click
 * extends it; an admin deleting it turns the open page final (why, no controls) and its owner is e-mailed once.
 */
@SessionExpiryPortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpiryBannerBrowserTest {

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
    DeletionMails deletionMails;

    Browser browser;
    String owner;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
        owner = Desktops.scientist(jdbc, "expiry-banner", "EXP-1");
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
    void theWarningCountsDownLiveAndOnAFreshPageAndOneClickExtends() throws Exception {
        ApiClient api = api(owner);
        long plan = TestInstances.planWithPolicy(jdbc, "ALWAYS_AUTO");
        String uid = launchDesktop(api, plan);
        Page page = browser.signedIn(owner);
        page.navigate(browser.base() + "/instances/" + uid);
        assertThat(page.locator("#viewer")).hasAttribute("data-connected", "true",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        Locator banner = page.locator("#expiry-banner");
        assertThat(banner).isHidden();

        // the portal's clock moves to 90 s before the end of the lifetime; the sweep's warning reaches the open page
        // (the page knows when the window opens, but not that the portal's clock jumped: only the live event can)
        Instant deadline = deletionAt(api, uid);
        clock.advance(Duration.between(clock.instant(), deadline.minusSeconds(90)));
        assertThat(sweep.sweep().warned()).isPositive();
        assertThat(banner).isVisible(SOON);
        assertThat(banner).containsText("end of its lifetime");
        Locator countdown = banner.locator(".expiry-countdown");
        assertThat(countdown).hasText(java.util.regex.Pattern.compile("in 1 min [0-9]+ s"));
        String first = countdown.textContent();
        await().atMost(Duration.ofSeconds(5)).until(() -> !countdown.textContent().equals(first));
        Browser.screenshot(page, "expiry-01-warning-live");

        // full screen: the warning goes inside the desktop, over its picture
        page.locator("#fullscreen-button").click();
        page.waitForFunction("() => document.fullscreenElement?.contains(document.getElementById('expiry-banner'))");
        assertThat(banner).isVisible();
        Browser.screenshot(page, "expiry-02-warning-fullscreen");
        page.evaluate("() => document.exitFullscreen()");
        page.waitForFunction("() => !document.fullscreenElement && !document.querySelector('#viewer #expiry-banner')");

        // a page opened now (from the e-mail's link, say) shows it from the start, and so does the dashboard card
        Page fresh = page.context().newPage();
        fresh.navigate(browser.base() + "/instances/" + uid);
        assertThat(fresh.locator("#expiry-banner")).isVisible();
        assertThat(fresh.locator("#expiry-banner .expiry-countdown")).hasText(java.util.regex.Pattern.compile("in [0-9]+ (min [0-9]+ )?s"));
        Page dashboard = page.context().newPage();
        dashboard.navigate(browser.base() + "/");
        Locator card = dashboard.locator("#instance-" + uid);
        assertThat(card.locator(".expiry-banner")).isVisible();
        assertThat(card.locator(".expiry-banner [data-expiry=extend]")).isVisible();
        Browser.screenshot(dashboard, "expiry-03-dashboard-card");
        fresh.close();

        // one click: the banner goes, the new end of life shows at once (here, on the card, without a reload)
        page.evaluate("() => window.vantageMarker = 'no reload'");
        banner.locator("[data-expiry=extend]").click();
        assertThat(page.locator(".expiry-decision")).containsText("Extended: it now lives until",
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(page.locator("#expiry-banner")).isHidden();
        Instant extended = terminationDate(uid);
        assertThat(extended).as("the owner's lifetime (14 days) from the portal's now")
                .isCloseTo(clock.instant().plus(Duration.ofDays(14)), within(2, ChronoUnit.MINUTES));
        assertThat(page.locator("#lifetime-end")).hasText(new io.vantage.web.support.Formats().dateTime(extended));
        assertThat(card.locator(".expiry-banner")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
        assertThat(page.evaluate("() => window.vantageMarker")).isEqualTo("no reload");
        Browser.screenshot(page, "expiry-04-extended");

        // an admin deletes it: the open page turns final, with why, and offers nothing that no longer works
        assertThat(api("admin").delete("/api/admin/instances/" + uid).status()).isEqualTo(202);
        assertThat(page.locator("#instance-state")).hasAttribute("data-state", "DELETED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(page.locator("#instance-state")).hasText("Deleted");
        assertThat(page.locator("#instance-ended h2")).hasText("This instance was deleted");
        assertThat(page.locator("#deletion-reason")).hasText("An administrator, Grace Hopper, deleted it.");
        assertNoControls(page);
        assertThat(page.locator("#launch-again")).hasAttribute("href",
                java.util.regex.Pattern.compile("/launch\\?step=details.*&plan=" + plan + "(&|$)"));
        assertThat(page.evaluate("() => window.vantageMarker")).isEqualTo("no reload");
        Browser.screenshot(page, "expiry-05-deleted-live");
        page.reload();
        assertThat(page.locator("#deletion-reason")).hasText("An administrator, Grace Hopper, deleted it.");
        assertNoControls(page);

        // its owner is told once, whichever replicas look at the same time
        deleteMailsConcurrently();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where target_id = ? and action = "
                + "'instance.deletion.mail'", Integer.class, uid)).isEqualTo(1);
        List<MimeMessage> mails = TestMail.mentioning(SessionExpiryPortalTest.INSTANCE_LINKS + uid).stream()
                .filter(m -> Mails.subject(m).endsWith("was deleted")).toList();
        assertThat(TestMail.recipients(mails)).containsExactly("expiry-banner@example.org");
        assertThat(Mails.plain(mails.get(0))).contains("An administrator, Grace Hopper, deleted it.");
        page.context().close();
    }

    static void assertNoControls(Page page) {
        assertThat(page.locator("#instance-actions [data-action]")).hasCount(0);
        assertThat(page.locator(".expiry-banner")).hasCount(0);
        assertThat(page.locator("[data-expiry]")).hasCount(0);
        assertThat(page.locator("#reconnect-button")).hasCount(0);
        assertThat(page.locator("#viewer")).hasCount(0);
        assertThat(page.locator("#launch-again")).isVisible();
    }

    void deleteMailsConcurrently() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(deletionMails::sendDue);
            var second = pool.submit(deletionMails::sendDue);
            first.get();
            second.get();
        } finally {
            pool.shutdownNow();
        }
        deletionMails.sendDue();
    }

    String launchDesktop(ApiClient api, long plan) throws Exception {
        // 60 hours: its lifetime warning (48 h before) opens 12 hours in, before it is a day unused
        String uid = TestInstances.launch(api, plan, List.of("EXP-1"), 60);
        Desktops.awaitState(api, uid, "ACTIVE");
        return uid;
    }

    Instant deletionAt(ApiClient api, String uid) throws Exception {
        return Instant.parse(api.get("/api/instances/" + uid + "/lifetime").get("deletionAt").asText());
    }

    Instant terminationDate(String uid) {
        return jdbc.queryForObject("select termination_date from instances where uid = ?", Timestamp.class, uid)
                .toInstant();
    }

    ApiClient api(String userId) {
        return new ApiClient("http://localhost:" + port, oidc, userId);
    }
}
