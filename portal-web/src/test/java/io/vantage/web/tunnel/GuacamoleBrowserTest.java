package io.vantage.web.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.api.tunnel.guacamole.GuacamoleTestSupport;
import io.vantage.api.tunnel.guacamole.GuacdPeer;

/**
 * guacamole-common-js and /js/guacamole-desktop.js in Chromium, through the portal, against the guacd peer: the
 * screen is drawn, keys, mouse and clipboard go both ways, a guest only watches, errors are shown.
 */
class GuacamoleBrowserTest extends GuacamoleTestSupport {

    private Playwright playwright;
    private Browser browser;

    @BeforeEach
    void chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox")));
    }

    @AfterEach
    void closeChromium() {
        browser.close();
        playwright.close();
    }

    @Test
    void ownerSeesTheScreenTypesAndSharesTheClipboard() throws Exception {
        int before = PEER.users().size();
        Page page = desktopPage("1001");
        GuacdPeer.User guacd = awaitUser(before);
        assertThat(guacd.handshake.get("size")).as("sized to the page's desktop element").first().isNotEqualTo("1280");

        drawRedScreen(guacd);
        page.waitForFunction("() => document.getElementById('desktop').dataset.state === 'connected'");
        page.waitForFunction("() => { const c = window.vantageDesktop.client.getDisplay().flatten();"
                + " const d = c.getContext('2d').getImageData(10, 10, 1, 1).data;"
                + " return d[0] === 255 && d[1] === 0 && d[2] === 0; }");
        assertThat(page.locator("#desktop").getAttribute("data-read-only")).isEqualTo("false");

        page.locator(".guacamole-display").click();
        page.keyboard().press("a");
        await().atMost(WAIT).until(() -> guacd.received("key").containsAll(List.of("97,1", "97,0")));
        assertThat(guacd.received("mouse")).isNotEmpty();

        guacd.send("clipboard", "2", "text/plain");
        guacd.send("blob", "2", base64("from the desktop"));
        guacd.send("end", "2");
        page.waitForFunction("() => document.getElementById('clipboard').value === 'from the desktop'");

        page.locator("#clipboard").fill("from the browser");
        page.locator("#clipboard").blur();
        await().atMost(WAIT).until(() -> guacd.received("blob").stream().map(GuacamoleBrowserTest::blobText)
                .anyMatch("from the browser"::equals));
        assertThat(guacd.received("clipboard")).singleElement().asString().endsWith(",text/plain");

        page.setViewportSize(900, 700);
        await().atMost(WAIT).until(() -> !guacd.received("size").isEmpty());

        guacd.close();
        page.waitForSelector(".guacamole-error:not([hidden])");
        assertThat(page.locator(".guacamole-error").textContent()).contains("closed the connection unexpectedly");
    }

    @Test
    void guestOnlyWatches() throws Exception {
        Connection owner = connect("1001", "");
        int before = PEER.users().size();
        Page page = desktopPage("9001");
        GuacdPeer.User guacd = awaitUser(before);
        assertThat(guacd.select).isEqualTo(owner.guacd().connectionId);

        drawRedScreen(guacd);
        page.waitForFunction("() => document.getElementById('desktop').dataset.state === 'connected'");
        assertThat(page.locator("#desktop").getAttribute("data-read-only")).isEqualTo("true");
        assertThat(page.locator("#clipboard").isEditable()).isFalse();

        page.locator(".guacamole-display").click();
        page.keyboard().press("a");
        // the browser answers a sync after anything it sent before it
        guacd.send("sync", "7777", "0");
        await().atMost(WAIT).until(() -> guacd.received("sync").contains("7777"));
        assertThat(guacd.received()).extracting(i -> i.getOpcode()).doesNotContain("key", "mouse", "clipboard");
    }

    private Page desktopPage(String user) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 800)).newPage();
        page.navigate("http://localhost:" + port + "/demo/desktop/" + uid());
        page.click("button[data-user='" + user + "']");
        // the saved request comes back with "?continue"
        page.waitForURL("**/demo/desktop/" + uid() + "**");
        return page;
    }

    private static GuacdPeer.User awaitUser(int before) {
        await().atMost(WAIT).until(() -> PEER.users().size() > before);
        return PEER.users().get(PEER.users().size() - 1);
    }

    private static void drawRedScreen(GuacdPeer.User guacd) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        guacd.send("size", "0", "64", "48");
        guacd.send("img", "1", "14", "0", "image/png", "0", "0");
        guacd.send("blob", "1", Base64.getEncoder().encodeToString(png.toByteArray()));
        guacd.send("end", "1");
        guacd.send("sync", "1000", "0");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String blobText(String args) {
        String data = args.substring(args.indexOf(',') + 1);
        try {
            return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
