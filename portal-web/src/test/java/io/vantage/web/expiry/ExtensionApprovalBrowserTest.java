package io.vantage.web.expiry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
 * Where an admin must approve: the scientist asks for more time from the warning in one step, the request appears
 * on the admin's open page without a reload, and the admin's approval reaches the scientist's open page live and
 * their mailbox.
 */
@SessionExpiryPortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionApprovalBrowserTest {

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

    Browser browser;
    String owner;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
        owner = Desktops.scientist(jdbc, "expiry-approval", "EXP-1");
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
    void theRequestReachesTheAdminLiveAndTheApprovalReachesTheScientistLiveAndByMail() throws Exception {
        ApiClient api = new ApiClient("http://localhost:" + port, oidc, owner);
        String uid = TestInstances.launch(api, TestInstances.planWithPolicy(jdbc, "ADMIN_APPROVAL"), List.of("EXP-1"), 60);
        Desktops.awaitState(api, uid, "ACTIVE");
        String name = api.get("/api/instances/" + uid).get("name").asText();

        Page admin = browser.signedIn("admin");
        admin.navigate(browser.base() + "/admin/extension-requests");
        Page page = browser.signedIn(owner);
        page.navigate(browser.base() + "/instances/" + uid);
        page.evaluate("() => window.vantageMarker = 'no reload'");
        admin.evaluate("() => window.vantageMarker = 'no reload'");

        Instant deadline = Instant.parse(api.get("/api/instances/" + uid + "/lifetime").get("deletionAt").asText());
        clock.advance(Duration.between(clock.instant(), deadline.minus(Duration.ofHours(3))));
        sweep.sweep();
        Locator banner = page.locator("#expiry-banner");
        assertThat(banner).isVisible(SOON);
        assertThat(banner.locator("[data-expiry=extend]")).hasCount(0);

        // one step: a short reason, sent; nothing to send without one
        banner.locator("button[type=submit]").click();
        assertThat(banner.locator(".expiry-error")).hasText("Say in a few words why you need more time.");
        banner.locator("input[name=reason]").fill("The second beamtime's data arrive on Friday");
        banner.locator("button[type=submit]").click();
        assertThat(banner.locator(".expiry-pending")).containsText("waiting for an administrator",
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        Browser.screenshot(page, "expiry-11-asked");

        Long requestId = jdbc.queryForObject("""
                select r.id from instance_extension_requests r join instances i on i.id = r.instance_id
                where i.uid = ? and r.state = 'PENDING'""", Long.class, uid);
        Locator request = admin.locator("[data-request-id='" + requestId + "']");
        assertThat(request).isVisible(SOON);
        assertThat(request).containsText("The second beamtime's data arrive on Friday");
        assertThat(admin.evaluate("() => window.vantageMarker")).as("arrived live").isEqualTo("no reload");
        Browser.screenshot(admin, "expiry-12-admin-sees-request");

        request.locator("textarea[name=comment]").fill("Granted for the second beamtime");
        request.locator("[data-action=approve]").click();
        assertThat(admin.locator("#flash")).containsText(name);

        Locator decision = page.locator(".expiry-decision");
        assertThat(decision).containsText("Grace Hopper approved the request for more time",
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(banner).isHidden();
        assertThat(page.evaluate("() => window.vantageMarker")).as("answered live").isEqualTo("no reload");
        Browser.screenshot(page, "expiry-13-approved-live");

        await().atMost(Duration.ofSeconds(15)).until(() -> !approvals(uid).isEmpty());
        List<MimeMessage> mails = approvals(uid);
        assertThat(TestMail.recipients(mails)).containsExactly("expiry-approval@example.org");
        assertThat(mails.get(0).getSubject()).isEqualTo("Your request to extend \u201c" + name + "\u201d was approved");
        assertThat(Mails.plain(mails.get(0))).contains("Grace Hopper approved your request")
                .contains("Granted for the second beamtime");

        // deleted on today's clock: a command queued days ahead would not be due once the clock is reset, and its
        // machine would run on through the other tests
        clock.reset();
        assertThat(api.delete("/api/instances/" + uid).status()).isEqualTo(202);
        admin.context().close();
        page.context().close();
    }

    private static List<MimeMessage> approvals(String uid) {
        return TestMail.mentioning(SessionExpiryPortalTest.INSTANCE_LINKS + uid).stream()
                .filter(mail -> Mails.subject(mail).contains("was approved")).toList();
    }
}
