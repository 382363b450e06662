package io.vantage.web.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Headless Debian Chromium driven by Playwright, one browser per test class, a fresh context (cookies) per person.
 * Screenshots go to {@code target/screenshots} (kept as CI artifacts).
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("vantage.chromium", "/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String base;

    public Browser(String base) {
        this.base = base;
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(java.util.Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM)).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    /** A page in a new browser profile (its own cookies). */
    public Page newPage() {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1400, 900));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** A new browser profile signed in as {@code userId} through the embedded OIDC login page. */
    public Page signedIn(String userId) {
        Page page = newPage();
        page.navigate(base + "/");
        var listed = page.locator("button[data-user='" + userId + "']");
        page.waitForSelector("h1");
        if (listed.count() > 0) {
            listed.click();
        } else {
            // People added after the portal started are not on the page's list: use its free-text form.
            page.locator("details summary").click();
            page.locator("details input[name=username]").fill(userId);
            page.locator("details button[type=submit]").click();
        }
        // Past the provider's callback, on a portal page that knows who this is.
        page.waitForSelector("body[data-user='" + userId + "']");
        return page;
    }

    public String base() {
        return base;
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
