package io.vantage.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.vantage.api.testing.PortalTest;

/**
 * Journey 1 in a real browser: sign in through the embedded OIDC page, launch a desktop with the wizard, watch it
 * become ready, see the desktop drawn, then stop, start and delete it from the dashboard.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScientistJourneyTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void launchUseStopStartDelete() {
        Page page = browser.signedIn("1001");
        assertThat(page.locator("#viewer-name")).hasText("Rosalind Franklin");
        Browser.screenshot(page, "journey1-01-dashboard");

        page.locator("#launch-button").click();
        page.locator("#step-experiments label:has-text('Block copolymers, deuterated solvent series') input").check();
        page.locator("#step-experiments button[type=submit]").click();
        page.locator("#step-environment label:has-text('Analysis desktop')").click();
        Browser.screenshot(page, "journey1-02-environment");
        page.locator("#step-environment button[type=submit]").click();
        page.locator("#step-size label[data-flavour^='Small']").click();
        assertThat(page.locator("#step-size label[data-flavour^='Large'] .unavailable-reason")).isVisible();
        Browser.screenshot(page, "journey1-03-size");
        page.locator("#step-size button[type=submit]").click();
        page.locator("#name").fill("Copolymer fits");
        page.locator("#screenWidth").fill("1280");
        page.locator("#screenHeight").fill("720");
        page.locator("#launch-submit").click();

        page.waitForURL(url -> url.matches(".*/instances/[a-z0-9]{12}$"));
        Browser.screenshot(page, "journey1-04-progress");
        assertThat(page.locator("#instance-state")).hasAttribute("data-state", "ACTIVE",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
        Locator viewer = page.locator("#viewer");
        assertThat(viewer).hasAttribute("data-connected", "true",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        // The desktop draws once its session has started, which on a busy machine takes a while after the VNC server
        // answers: wait for as long as the viewer stays connected, not for a fixed window; a dropped connection fails
        // at once. The limit only stops a desktop that never draws from hanging the build.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .failFast("the desktop viewer disconnected before the desktop drew anything",
                        () -> !"true".equals(viewer.getAttribute("data-connected")))
                .until(() -> Canvas.distinctColours(page) > 1);
        // whether the viewer opened on the ACTIVE event or after the page's fragment, it ends up alone, connected, in
        // the desktop's layout with its buttons
        assertThat(page.locator("#viewer")).hasCount(1);
        assertThat(page.locator("#progress")).hasCount(0);
        assertThat(page.locator("#fullscreen-button")).isVisible();
        Browser.screenshot(page, "journey1-05-desktop");
        String uid = page.url().substring(page.url().lastIndexOf('/') + 1);

        page.navigate(browser.base() + "/");
        Locator card = page.locator("#instance-" + uid);
        page.onDialog(dialog -> dialog.accept());
        card.locator("[data-action=stop]").click();
        assertThat(page.locator("#instance-" + uid)).hasAttribute("data-state", "STOPPED",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        Browser.screenshot(page, "journey1-06-stopped");
        page.locator("#instance-" + uid + " [data-action=start]").click();
        assertThat(page.locator("#instance-" + uid)).hasAttribute("data-state", "ACTIVE",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
        page.locator("#instance-" + uid + " [data-action=delete]").click();
        assertThat(page.locator("#instance-" + uid)).hasCount(0,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(60_000));
        Browser.screenshot(page, "journey1-07-deleted");
        page.context().close();
    }
}
