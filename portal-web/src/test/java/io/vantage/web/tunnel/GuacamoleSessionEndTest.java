package io.vantage.web.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.tunnel.guacamole.GuacamoleTestSupport;
import io.vantage.api.tunnel.guacamole.GuacamoleWebSocketClient;
import io.vantage.api.tunnel.vnc.VncAccessSteps;

/**
 * A desktop opened from a browser session lasts no longer than that session: an admin ending the person's
 * sessions, the person signing out, or their logout at the identity provider (back-channel) closes the connections
 * that session opened (within the same 2 s as other access changes) and voids the tickets it asked for; a session
 * that times out closes its connections once the expiry check (every 2 s) has seen it, but input in its desktop
 * keeps it from timing out; connections of the person's other sessions, and those an API token opened, go on.
 */
class GuacamoleSessionEndTest extends GuacamoleTestSupport {

    private static final Pattern HEADER = Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"");

    @Test
    void anAdminEndingAPersonsSessionsClosesTheDesktopsThoseSessionsOpened() throws Exception {
        Browser session = signIn("1002");
        Connection fromSession = connectWith(session.ticket(), "");
        String unused = session.ticket();
        Connection fromToken = connect("1002", "");
        fromSession.browser().send("key", "65", "1");
        fromSession.flush("before");

        ApiClient.Response ended = api("admin").delete("/api/admin/users/1002/sessions");
        assertThat(ended.status()).as(ended.raw()).isIn(200, 204);

        assertThat(fromSession.browser().closed().get(VncAccessSteps.CLOSE_WITHIN_SECONDS, TimeUnit.SECONDS).code())
                .isEqualTo(1002);
        assertThat(fromSession.browser().received("error")).singleElement().asString()
                .startsWith("An admin ended your sessions.");
        await().atMost(WAIT).until(fromSession.guacd()::sawEndOfStream);
        assertThat(fromSession.guacd().received("key")).containsExactly("65,1");
        assertThatThrownBy(() -> connectWith(unused, "")).as("a ticket the ended session asked for")
                .isInstanceOf(GuacamoleWebSocketClient.Refused.class);

        fromToken.browser().send("key", "66", "1");
        fromToken.flush("after");
        assertThat(fromToken.guacd().received("key")).containsExactly("66,1");
        assertThat(fromToken.browser().closed()).isNotDone();
    }

    @Test
    void signingOutClosesThatSessionsDesktopAndNoOther() throws Exception {
        Browser leaving = signIn("1002");
        Browser staying = signIn("1002");
        Connection left = connectWith(leaving.ticket(), "");
        Connection stays = connectWith(staying.ticket(), "");

        leaving.signOut();

        assertThat(left.browser().closed().get(VncAccessSteps.CLOSE_WITHIN_SECONDS, TimeUnit.SECONDS).code())
                .isEqualTo(1002);
        assertThat(left.browser().received("error")).singleElement().asString().startsWith("You signed out.");
        stays.browser().send("key", "67", "1");
        stays.flush("still-here");
        assertThat(stays.guacd().received("key")).containsExactly("67,1");
        assertThat(stays.browser().closed()).isNotDone();
    }

    @Test
    void aLogoutAtTheIdentityProviderClosesTheDesktopsOfThatLogin() throws Exception {
        Browser session = signIn("1002");
        Connection fromSession = connectWith(session.ticket(), "");
        String logoutToken = oidc.server().issueToken("vantage", "1002", "vantage-portal", Map.of("events",
                Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())), 120).serialize();

        HttpResponse<String> logout = new HttpSession("http://localhost:" + port)
                .postForm("/logout/connect/back-channel/vantage", Map.of("logout_token", logoutToken));

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(fromSession.browser().closed().get(VncAccessSteps.CLOSE_WITHIN_SECONDS, TimeUnit.SECONDS).code())
                .isEqualTo(1002);
        assertThat(fromSession.browser().received("error")).singleElement().asString()
                .startsWith("You signed out at the identity provider.");
    }

    @Test
    void aSessionThatTimesOutClosesItsDesktopAndNoOther() throws Exception {
        Browser expiring = signIn("1002");
        Browser staying = signIn("1002");
        Connection expires = connectWith(expiring.ticket(), "");
        Connection stays = connectWith(staying.ticket(), "");
        expires.flush("before");
        LiveEventsClient expiringStream = new LiveEventsClient(expiring.http);
        LiveEventsClient stayingStream = new LiveEventsClient(staying.http);

        // what Spring Session stores for a session with a one-second max inactive interval: it times out by itself,
        // with no sign-out, logout or admin to announce it
        assertThat(jdbc.update("""
                update spring_session set max_inactive_interval = 1, expiry_time = last_access_time + 1000
                where session_id = ?""", expiring.sessionId())).as("the browser's session row").isEqualTo(1);

        // the expiry check runs every 2 s (vantage.auth.session-expiry-check), then it closes as any access change
        assertThat(expires.browser().closed().get(1 + 2 + VncAccessSteps.CLOSE_WITHIN_SECONDS, TimeUnit.SECONDS)
                .code()).isEqualTo(1002);
        assertThat(expires.browser().received("error")).singleElement().asString()
                .startsWith("Your portal session expired.");
        await().atMost(WAIT).until(expires.guacd()::sawEndOfStream);
        stays.browser().send("key", "68", "1");
        stays.flush("still-here");
        assertThat(stays.guacd().received("key")).containsExactly("68,1");
        assertThat(stays.browser().closed()).isNotDone();
        await().atMost(WAIT).alias("the expired session's event stream ends").until(expiringStream::ended);
        assertThat(stayingStream.ended()).as("the other session's event stream").isFalse();
        expiringStream.close();
        stayingStream.close();
    }

    @Test
    void inputInADesktopKeepsItsSessionAliveAndTheSessionTimesOutOnceItStops() throws Exception {
        Browser working = signIn("1002");
        Connection desktop = connectWith(working.ticket(), "");
        desktop.flush("start");
        // a six-second idle timeout, as Spring Session would store it; from now on the person only types inside the
        // desktop: the portal itself sees no request
        assertThat(jdbc.update("""
                update spring_session set max_inactive_interval = 6, expiry_time = last_access_time + 6000
                where session_id = ?""", working.sessionId())).as("the browser's session row").isEqualTo(1);
        long start = lastAccess(working);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .alias("the session is used past two of its timeouts").until(() -> {
                    assertThat(desktop.browser().closed()).as("the desktop of a session in use").isNotDone();
                    desktop.browser().send("key", "65", "1");
                    desktop.browser().send("key", "65", "0");
                    return lastAccess(working) >= start + 2 * 6000;
                });
        assertThat(desktop.browser().received("error")).isEmpty();

        // no more input: the session times out after its six seconds, seen by the next check, then closes
        assertThat(desktop.browser().closed().get(6 + 2 + VncAccessSteps.CLOSE_WITHIN_SECONDS + 5L, TimeUnit.SECONDS)
                .code()).isEqualTo(1002);
        assertThat(desktop.browser().received("error")).singleElement().asString()
                .startsWith("Your portal session expired.");
    }

    /** The session's last access in milliseconds, failing once the row is gone (timed out, ended). */
    private long lastAccess(Browser browser) {
        java.util.List<Long> rows = jdbc.queryForList("select last_access_time from spring_session where session_id = ?",
                Long.class, browser.sessionId());
        assertThat(rows).as("the browser's session row").hasSize(1);
        return rows.get(0);
    }

    private Browser signIn(String user) throws Exception {
        HttpSession http = new HttpSession("http://localhost:" + port);
        assertThat(http.loginThroughEmbeddedProvider(user, null).statusCode()).isEqualTo(200);
        return new Browser(http);
    }

    /** A signed-in browser session, asking for tickets as the instance page does (cookie and CSRF token). */
    private final class Browser {

        private final HttpSession http;
        private final String csrf;
        private final String header;

        Browser(HttpSession http) throws Exception {
            this.http = http;
            String page = http.get("/instances/" + uid()).body();
            this.csrf = HttpSession.csrf(page);
            Matcher matcher = HEADER.matcher(page);
            assertThat(matcher.find()).as("CSRF header name on the page").isTrue();
            this.header = matcher.group(1);
        }

        String ticket() throws Exception {
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/instances/" + uid() + "/tickets"))
                    .header("Content-Type", "application/json").header(header, csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"protocol\":\"GUACD\"}")).build());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            Matcher ticket = Pattern.compile("\"ticket\":\"([^\"]+)\"").matcher(issued.body());
            assertThat(ticket.find()).isTrue();
            return ticket.group(1);
        }

        /** The id of this browser's portal session, as Spring Session stores it (the cookie carries it in Base64). */
        String sessionId() {
            return new String(java.util.Base64.getDecoder().decode(http.cookie("VANTAGE_SESSION")),
                    java.nio.charset.StandardCharsets.US_ASCII);
        }

        void signOut() throws Exception {
            HttpResponse<String> out = http.postForm("/logout", Map.of("_csrf", csrf));
            assertThat(out.statusCode()).isIn(302, 303);
            assertThat(http.get("/api/me").statusCode()).as("signed out").isEqualTo(401);
        }
    }
}
