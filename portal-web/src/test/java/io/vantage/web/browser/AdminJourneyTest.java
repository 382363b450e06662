package io.vantage.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.vantage.api.testing.PortalTest;

/**
 * Journey 3 in a real browser: an admin registers a flavour of the local cloud and offers the analysis desktop on
 * it through the admin pages; a scientist then launches exactly that through the wizard and gets a running
 * desktop; the admin sees it among all instances and deletes it, the row following the state live.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminJourneyTest {

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
    void adminOffersANewSizeAndAScientistLaunchesIt() {
        String flavour = "Journey medium " + UUID.randomUUID().toString().substring(0, 6);
        Page admin = browser.signedIn("admin");
        admin.locator("nav a[href='/admin']").click();
        assertThat(admin.locator("#provider-health [data-provider=local] .provider-health")).hasText("Up");
        Browser.screenshot(admin, "journey3-01-admin-overview");

        admin.locator("#admin-nav [data-section=flavours]").click();
        admin.locator("#new-flavour").click();
        admin.locator("#offered-provider").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("local"));
        admin.locator("#provider-choice button[type=submit]").click();
        admin.locator("#offered-flavours tr[data-offered=medium] [data-action=use]").click();
        assertThat(admin.locator("#providerFlavourId")).hasValue("medium");
        assertThat(admin.locator("#cpu")).hasValue("2");
        admin.locator("#name").fill(flavour);
        Browser.screenshot(admin, "journey3-02-flavour-form");
        admin.locator("#flavour-form button[type=submit]").click();
        assertThat(admin.locator("#flash")).hasText("Flavour \"" + flavour + "\" registered.");
        assertThat(admin.locator("#flavours tr[data-flavour-name='" + flavour + "']")).isVisible();
        Browser.screenshot(admin, "journey3-03-flavours");

        admin.locator("#admin-nav [data-section=plans]").click();
        admin.locator("#imageId").selectOption(optionValue(admin, "#imageId", "Analysis desktop"));
        admin.locator("#flavourId").selectOption(optionValue(admin, "#flavourId", flavour));
        admin.locator("#create-plan").click();
        assertThat(admin.locator("#flash")).hasText("Plan created: Analysis desktop on " + flavour + ".");
        assertThat(admin.locator("#plans tr[data-flavour='" + flavour + "'] .badge")).hasText("offered");
        Browser.screenshot(admin, "journey3-04-plans");

        Page scientist = browser.signedIn("1002");
        scientist.navigate(browser.base() + "/launch");
        scientist.locator("#step-experiments label:has-text('Kagome magnets at 1.5 K') input").check();
        scientist.locator("#step-experiments button[type=submit]").click();
        scientist.locator("#step-environment label:has-text('Analysis desktop')").click();
        scientist.locator("#step-environment button[type=submit]").click();
        scientist.locator("#step-size label[data-flavour='" + flavour + "']").click();
        Browser.screenshot(scientist, "journey3-05-size");
        scientist.locator("#step-size button[type=submit]").click();
        assertThat(scientist.locator("#step-details")).containsText(flavour);
        scientist.locator("#name").fill("Kagome fits on the new size");
        scientist.locator("#launch-submit").click();
        scientist.waitForURL(url -> url.matches(".*/instances/[a-z0-9]{12}$"));
        assertThat(scientist.locator("#instance-state")).hasAttribute("data-state", "ACTIVE",
                new LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
        Browser.screenshot(scientist, "journey3-06-instance-active");
        String uid = scientist.url().substring(scientist.url().lastIndexOf('/') + 1);

        admin.locator("#admin-nav [data-section=instances]").click();
        admin.locator("#q").fill(uid);
        admin.locator("#instance-filter button[type=submit]").click();
        Locator row = admin.locator("#admin-instance-" + uid);
        assertThat(row).hasAttribute("data-state", "ACTIVE");
        assertThat(row).containsText(flavour);
        assertThat(row).containsText("Dorothy Hodgkin");
        Browser.screenshot(admin, "journey3-07-admin-instances");
        admin.onDialog(dialog -> dialog.accept());
        row.locator("[data-action=delete]").click();
        assertThat(admin.locator("#admin-instance-" + uid)).hasAttribute("data-state", "DELETED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        Browser.screenshot(admin, "journey3-08-deleted");
        scientist.context().close();
        admin.context().close();
    }

    /** The value of the option a select offers for a name (options carry it in data-name). */
    private static String optionValue(Page page, String select, String name) {
        return page.locator(select + " option[data-name='" + name + "']").first().getAttribute("value");
    }
}
