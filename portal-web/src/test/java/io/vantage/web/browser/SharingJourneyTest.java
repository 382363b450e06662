package io.vantage.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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

/**
 * Journey 2: the owner shares a running desktop with a colleague as GUEST from the members panel; the guest sees
 * the same desktop but what they type never reaches it, while what the owner types does. A member's open desktop
 * follows the owner's changes to their role without a reload, and says why when they are removed.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    String uid;

    @BeforeAll
    void launch() throws Exception {
        uid = Desktops.launchActive(new ApiClient("http://localhost:" + port, oidc,
                Desktops.scientist(jdbc, "share-owner", "EXP-1")), jdbc, "desktop",
                List.of("EXP-1"));
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void guestSeesTheDesktopButCannotType() throws Exception {
        Page owner = ownerTypesInTheShareForm("Hodgkin (1002)", "GUEST");
        owner.locator("#share-submit").click();
        assertThat(owner.locator("#member-list li[data-member='1002']")).hasAttribute("data-role", "GUEST");
        Browser.screenshot(owner, "journey2-01-shared");
        connected(owner);

        Page guest = browser.signedIn("1002");
        assertThat(guest.locator("#instance-" + uid)).isVisible();
        guest.navigate(browser.base() + "/instances/" + uid);
        assertThat(guest.locator("#readonly-note")).isVisible();
        connected(guest);
        // as long as the viewer stays connected, not a fixed window a busy machine can miss (see ScientistJourneyTest)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .failFast("the guest's viewer disconnected before the desktop drew anything",
                        () -> !"true".equals(guest.locator("#viewer").getAttribute("data-connected")))
                .until(() -> Canvas.distinctColours(guest) > 1);
        Browser.screenshot(guest, "journey2-02-guest-view");

        awaitTyping(owner, "owner-ready");
        guest.locator("#viewer canvas").click();
        guest.keyboard().type("touch guest-was-here\n");
        type(owner, "touch owner-was-here\n");

        // The owner's keys arrive after the guest's on the same server: once they have, the guest's would have too.
        await().atMost(Duration.ofSeconds(30)).until(() -> Desktops.inHome(jdbc, uid, "owner-was-here"));
        assertThat(Desktops.home(jdbc, uid).orElseThrow().resolve("guest-was-here")).doesNotExist();
        Browser.screenshot(owner, "journey2-03-owner-typed");
        guest.context().close();
        owner.context().close();
    }

    @Test
    void aMembersDesktopWatchesWhenDemotedTypesAgainWhenPromotedAndSaysWhyWhenRemoved() throws Exception {
        String member = Desktops.scientist(jdbc, "share-member", "EXP-2");
        ApiClient owner = new ApiClient("http://localhost:" + port, oidc, "share-owner");
        String path = "/api/instances/" + uid + "/members";
        assertThat(owner.post(path, java.util.Map.of("userId", member, "role", "USER")).status()).isEqualTo(201);
        Page page = browser.signedIn(member);
        page.navigate(browser.base() + "/instances/" + uid);
        connected(page);
        assertThat(page.locator("#viewer")).hasAttribute("data-access", "control");
        assertThat(page.locator("#readonly-note")).isHidden();
        awaitTyping(page, "member-typed");

        assertThat(owner.put(path + "/" + member, java.util.Map.of("role", "GUEST")).status()).isEqualTo(200);
        assertThat(page.locator("#viewer")).hasAttribute("data-access", "watching");
        assertThat(page.locator("#readonly-note")).isVisible();
        assertThat(page.locator("#access-banner")).hasText(
                "You are watching: The owner changed your role to GUEST.");
        Browser.screenshot(page, "journey2-04-member-watching");
        type(page, "touch member-watching\n");

        assertThat(owner.put(path + "/" + member, java.util.Map.of("role", "USER")).status()).isEqualTo(200);
        assertThat(page.locator("#viewer")).hasAttribute("data-access", "control");
        assertThat(page.locator("#readonly-note")).isHidden();
        assertThat(page.locator("#access-banner")).hasText("You can type again: The owner changed your role to USER.");
        type(page, "touch member-promoted\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> Desktops.inHome(jdbc, uid, "member-promoted"));
        assertThat(Desktops.inHome(jdbc, uid, "member-watching")).as("typed while watching").isFalse();

        assertThat(owner.delete(path + "/" + member).status()).isEqualTo(204);
        assertThat(page.locator("#viewer")).hasAttribute("data-access", "closed");
        assertThat(page.locator("#access-banner")).hasText("Disconnected: The owner removed you from this instance.");
        assertThat(page.locator("#viewer")).hasAttribute("data-connected", "false");
        Browser.screenshot(page, "journey2-05-member-removed");
        page.context().close();
    }

    @Test
    void whatTheOwnerTypesInTheShareBoxSurvivesALiveRefreshOfTheMembers() throws Exception {
        Page owner = ownerTypesInTheShareForm("Frank", "SUPPORT");

        // Someone else's change (here: the owner's own API client) reaches the page as a live event.
        ApiClient api = new ApiClient("http://localhost:" + port, oidc, "share-owner");
        ApiClient.Response added = api.post("/api/instances/" + uid + "/members", java.util.Map.of("userId", "1001",
                "role", "USER"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(owner.locator("#member-list li[data-member='1001']")).isVisible();

        assertThat(owner.locator("#share-search")).hasValue("Frank");
        assertThat(owner.locator("#share-role")).hasValue("SUPPORT");
        assertThat(owner.locator("#share-form")).hasCount(1);
        owner.context().close();
    }

    /**
     * A desktop just started may lose the first keys (its window manager and shell are still coming up): type a
     * command of ours until one has run, so the keys that matter are typed into a desktop that takes them.
     */
    private void awaitTyping(Page page, String marker) {
        java.util.concurrent.atomic.AtomicInteger round = new java.util.concurrent.atomic.AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).until(() -> {
            for (int n = 1; n <= round.get(); n++) {
                if (Desktops.inHome(jdbc, uid, marker + "-" + n)) {
                    return true;
                }
            }
            page.locator("#viewer canvas").click();
            type(page, "touch " + marker + "-" + round.incrementAndGet() + "\n");
            return false;
        });
    }

    /** Types a command on a line of its own: whatever an earlier test left half typed is forgotten first. */
    private static void type(Page page, String command) {
        page.keyboard().press("Control+U");
        page.keyboard().type(command);
    }

    /** The owner opens the instance's members tab and fills in the share form, without sending it. */
    private Page ownerTypesInTheShareForm(String person, String role) {
        Page owner = browser.signedIn("share-owner");
        owner.navigate(browser.base() + "/instances/" + uid);
        owner.locator("#members-tab").click();
        owner.locator("#share-search").fill(person);
        owner.locator("#share-role").selectOption(role);
        return owner;
    }

    private static void connected(Page page) {
        assertThat(page.locator("#viewer")).hasAttribute("data-connected", "true",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
    }
}
