package io.vantage.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
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
import io.vantage.api.testing.RfbClient;

/**
 * The desktop in Chromium as people use it: the VNC tunnel is opened without compression although Chromium offers
 * it (seen in Chromium's own network events), and the remote screen takes the size of the viewer whenever the
 * window changes, full screen included (seen by a second VNC client through the portal, in the server's ServerInit).
 * When the portal closes the tunnel, the viewer says why, in the portal's words.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesktopViewerTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    ApiClient owner;
    String uid;

    @BeforeAll
    void launch() throws Exception {
        browser = new Browser("http://localhost:" + port);
        owner = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "viewer-owner", "EXP-1"));
        uid = Desktops.launchActive(owner, jdbc, "desktop", List.of("EXP-1"));
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void chromiumGetsTheDesktopUncompressedAndItsScreenFollowsTheWindow() throws Exception {
        Page page = browser.signedIn("viewer-owner");
        Map<String, JsonObject> handshakes = new ConcurrentHashMap<>();
        Map<String, String> urls = new ConcurrentHashMap<>();
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.on("Network.webSocketCreated", e -> urls.put(e.get("requestId").getAsString(), e.get("url").getAsString()));
        cdp.on("Network.webSocketHandshakeResponseReceived",
                e -> handshakes.put(e.get("requestId").getAsString(), e.getAsJsonObject("response")));
        cdp.send("Network.enable");

        page.navigate(browser.base() + "/instances/" + uid);
        assertThat(page.locator("#viewer")).hasAttribute("data-connected", "true",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        await().atMost(Duration.ofSeconds(20)).until(() -> Canvas.distinctColours(page) > 1);

        JsonObject vnc = handshakes.entrySet().stream()
                .filter(h -> urls.getOrDefault(h.getKey(), "").contains("/tunnels/vnc")).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no handshake of the VNC tunnel in " + urls));
        assertThat(vnc.get("status").getAsInt()).isEqualTo(101);
        assertThat(header(vnc.getAsJsonObject("requestHeaders"), "Sec-WebSocket-Extensions"))
                .as("what Chromium offered").contains("permessage-deflate");
        assertThat(header(vnc.getAsJsonObject("headers"), "Sec-WebSocket-Extensions"))
                .as("what the portal accepted").isNull();

        for (int[] window : new int[][] {{1100, 760}, {1500, 980}}) {
            page.setViewportSize(window[0], window[1]);
            int[] viewer = viewerSize(page);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(remoteScreen())
                    .as("the remote screen for a %dx%d window", window[0], window[1]).containsExactly(viewer));
        }

        page.locator("#fullscreen-button").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) page.evaluate("() => !!document.fullscreenElement"));
        int[] screen = viewerSize(page);
        assertThat(screen).as("full screen: the viewer is the whole window")
                .containsExactly(((Number) page.evaluate("() => innerWidth")).intValue(),
                        ((Number) page.evaluate("() => innerHeight")).intValue());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(remoteScreen()).containsExactly(screen));
        Browser.screenshot(page, "desktop-fullscreen");
        page.context().close();
    }

    @Test
    void theViewerSaysWhyThePortalClosedTheDesktop() {
        Page page = browser.signedIn("viewer-owner");
        page.navigate(browser.base() + "/instances/" + uid);
        assertThat(page.locator("#viewer")).hasAttribute("data-connected", "true",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));

        // signing out in another tab ends the portal session: the portal closes the tunnel and says why
        Page other = page.context().newPage();
        other.navigate(browser.base() + "/");
        other.locator("form[action$='/logout'] button[type=submit]").first().click();

        assertThat(page.locator("#viewer")).hasAttribute("data-connected", "false",
                new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(page.locator("#viewer-status")).containsText("You signed out");
        Browser.screenshot(page, "desktop-closed-reason");
        page.context().close();
    }

    /** The size noVNC asks the server for: its screen element's, in CSS pixels. */
    private static int[] viewerSize(Page page) {
        Object size = page.evaluate("() => { const r = document.getElementById('viewer').getBoundingClientRect();"
                + " return [Math.floor(r.width), Math.floor(r.height)]; }");
        List<?> values = (List<?>) size;
        return new int[] {((Number) values.get(0)).intValue(), ((Number) values.get(1)).intValue()};
    }

    /** The screen's size as the VNC server tells a new client (ServerInit), through the portal. */
    private int[] remoteScreen() throws Exception {
        RfbClient client = new RfbClient();
        RfbClient.connect("ws://localhost:" + port + "/tunnels/vnc?ticket=" + Desktops.ticket(owner, uid, "VNC")
                + "&instance=" + uid, client).join();
        try {
            RfbClient.ServerInit init = client.handshake();
            return new int[] {init.width(), init.height()};
        } finally {
            client.close();
        }
    }

    private static String header(JsonObject headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, JsonElement> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().getAsString();
            }
        }
        return null;
    }
}
