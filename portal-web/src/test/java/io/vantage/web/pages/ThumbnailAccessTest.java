package io.vantage.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
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
 * A running desktop's thumbnail is a picture of the desktop: only for those who may watch it (its members and
 * admins), not for support staff who may only see that the instance exists, and never a server error.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThumbnailAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    String uid;

    @BeforeAll
    void launchDesktop() throws Exception {
        // on a D22 experiment, so D22's instrument scientist (2001) may see the instance
        ApiClient owner = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "thumb-owner", "EXP-1"));
        uid = Desktops.launchActive(owner, jdbc, "desktop", List.of("EXP-1"));
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void membersAndAdminsSeeTheDesktop() {
        for (String person : List.of("thumb-owner", "admin")) {
            Page page = browser.signedIn(person);
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
                APIResponse picture = page.request().get(thumbnail());
                assertThat(picture.status()).as(person).isEqualTo(200);
                assertThat(picture.headers().get("content-type")).isEqualTo("image/png");
            });
            page.context().close();
        }
    }

    @Test
    void supportStaffWhoAreNotMembersDoNot() {
        for (String person : List.of("2001", "3001")) { // instrument scientist of D22; IT support
            Page page = browser.signedIn(person);
            assertThat(page.navigate(browser.base() + "/instances/" + uid).status()).as("sees the instance").isEqualTo(200);
            assertThat(page.request().get(thumbnail()).status()).as(person).isEqualTo(403);
            page.context().close();
        }
        Page stranger = browser.signedIn("1002");
        assertThat(stranger.request().get(thumbnail()).status()).isEqualTo(404);
        stranger.context().close();
    }

    private String thumbnail() {
        return browser.base() + "/instances/" + uid + "/thumbnail.png";
    }
}
