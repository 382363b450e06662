package io.vantage.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;


import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;

/**
 * Journey 4: a scientist over quota sees, in words, why a size cannot be chosen and why the launch is refused.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
        // A person whose instance quota is used up (an admin set it to 0 for them).
        jdbc.update("insert into users (id, first_name, last_name, email) values ('quota-user', 'Quinn', 'Quota', 'q@example.org') "
                + "on conflict do nothing");
        jdbc.update("update users set instance_quota = 0 where id = 'quota-user'");
        jdbc.update("insert into experiment_users (experiment_id, user_id) values ('EXP-3', 'quota-user') on conflict do nothing");
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theSizeStepAndTheLaunchExplainTheQuota() {
        Page page = browser.signedIn("quota-user");
        long plan = Desktops.plan(jdbc, "desktop", "small");
        long image = jdbc.queryForObject("select image_id from plans where id = ?", Long.class, plan);
        page.navigate(browser.base() + "/launch?step=size&experiment=EXP-3&image=" + image);
        assertThat(page.locator("#quota-usage")).containsText("0 of 0 instances");
        assertThat(page.locator("label[data-flavour^='Small'] .unavailable-reason"))
                .containsText("You already run 0 of your 0 instances");
        Browser.screenshot(page, "journey4-01-size-unavailable");

        // Even when the form is sent anyway (an old tab, a crafted request), the launch explains itself.
        page.navigate(browser.base() + "/launch?step=details&experiment=EXP-3&image=" + image + "&plan=" + plan);
        page.locator("#name").fill("Over quota");
        page.locator("#launch-submit").click();
        assertThat(page.locator("#launch-error")).containsText("would exceed your quota");
        assertThat(page.locator("#launch-error")).containsText("Delete an instance you no longer need");
        Browser.screenshot(page, "journey4-02-refused");
        page.context().close();
    }

}
