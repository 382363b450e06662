package io.vantage.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.vantage.api.testing.PortalTest;

/**
 * Every admin page in a real browser: it renders with its heading and no script error (a Content-Security-Policy
 * violation shows as one), the sub-navigation works from the keyboard, and a phone-sized screen does not scroll
 * sideways. Each page is photographed (admin-*.png) for review.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesBrowserTest {

    static final List<String> PAGES = List.of("/admin", "/admin/instances", "/admin/users", "/admin/users/1001",
            "/admin/images", "/admin/images/import", "/admin/flavours", "/admin/flavours/new", "/admin/plans",
            "/admin/roles", "/admin/roles/STAFF", "/admin/security-groups", "/admin/notifications",
            "/admin/notifications/new", "/admin/providers", "/admin/providers/new", "/admin/extension-requests",
            "/admin/audit", "/admin/etl-runs");

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
    void everyPageRendersWithoutScriptErrors() {
        Page page = browser.signedIn("admin");
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> errors.add(page.url() + ": " + error));
        for (String path : PAGES) {
            page.navigate(browser.base() + path);
            assertThat(page.locator("main h1")).isVisible();
            assertThat(page.locator("#admin-nav .nav-link.active")).hasCount(1);
            Browser.screenshot(page, "admin-" + (path.equals("/admin") ? "overview"
                    : path.substring("/admin/".length()).replace('/', '-')));
        }
        assertThat(errors).isEmpty();
        page.context().close();
    }

    @Test
    void subNavigationWorksFromTheKeyboard() {
        Page page = browser.signedIn("admin");
        page.navigate(browser.base() + "/admin");
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            page.keyboard().press("Tab");
            reached = (Boolean) page.evaluate("() => document.activeElement?.dataset?.section === 'users'");
        }
        assertThat(reached).as("the Users link is reachable with Tab").isTrue();
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.endsWith("/admin/users"));
        assertThat(page.locator("#admin-nav [data-section=users]")).hasAttribute("aria-current", "page");
        page.context().close();
    }

    @Test
    void phoneSizedScreensDoNotScrollSideways() {
        Page page = browser.signedIn("admin");
        page.setViewportSize(390, 844);
        for (String path : PAGES) {
            page.navigate(browser.base() + path);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
        }
        Browser.screenshot(page, "admin-phone-audit");
        page.context().close();
    }
}
