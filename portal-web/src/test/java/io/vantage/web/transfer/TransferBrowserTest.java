package io.vantage.web.transfer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.transfer.TransferFiles;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.browser.Browser;

/**
 * The Files tab of a notebook's instance page in Chromium, on the demo's local provider: a 50 MB file goes up
 * through the portal into Jupyter (contents API, in chunks) with a progress bar, arrives whole in the notebook's home,
 * and comes back down through the download link with the same checksum; a file over the limit (60 MB in tests) is
 * refused with a message naming the limit, and nothing of it reaches the instance.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions LONG =
            new LocatorAssertions.ContainsTextOptions().setTimeout(180_000);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    Browser browser;
    String uid;

    @BeforeAll
    void notebook() throws Exception {
        Desktops.scientist(jdbc, "xfer-web", "EXP-1");
        uid = Desktops.launchActive(new ApiClient(base(), oidc, "xfer-web"), jdbc, "notebook", List.of("EXP-1"));
        browser = new Browser(base());
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void fiftyMegabytesUpAndDownThroughTheInstancePageAndTheLimitHolds() throws Exception {
        Path big = TransferFiles.random(temp, "frames-50.bin", 50L << 20, 5050);
        Path tooBig = TransferFiles.random(temp, "too-big.bin", 61L << 20, 61);
        Page page = browser.signedIn("xfer-web");
        page.navigate(base() + "/instances/" + uid);
        page.locator("#files-tab").click();
        assertThat(page.locator("#files-list [data-file='data']")).isVisible();

        page.locator("#files-upload-input").setInputFiles(big);
        page.locator("#files-upload").click();
        assertThat(page.locator("#files-message")).containsText("Uploaded frames-50.bin (50 MiB)", LONG);
        assertThat(page.locator("#files-progress")).hasAttribute("aria-valuenow", "100");
        Browser.screenshot(page, "transfer-01-uploaded");
        Path home = Desktops.home(jdbc, uid).orElseThrow();
        assertThat(TransferFiles.sha256(home.resolve("frames-50.bin"))).isEqualTo(TransferFiles.sha256(big));
        try (var partials = Files.list(home)) {
            assertThat(partials.map(Path::getFileName).map(Path::toString))
                    .noneMatch(name -> name.startsWith("vantage-upload-"));
        }

        Download download = page.waitForDownload(() ->
                page.locator("#files-list [data-file='frames-50.bin'] a.file-download").click());
        assertThat(download.suggestedFilename()).isEqualTo("frames-50.bin");
        assertThat(TransferFiles.sha256(download.path())).isEqualTo(TransferFiles.sha256(big));

        page.locator("#files-upload-input").setInputFiles(tooBig);
        page.locator("#files-upload").click();
        assertThat(page.locator("#files-message")).containsText("more than the limit of 60 MiB per upload");
        Browser.screenshot(page, "transfer-02-over-the-limit");
        assertThat(home.resolve("too-big.bin")).doesNotExist();
        page.context().close();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
