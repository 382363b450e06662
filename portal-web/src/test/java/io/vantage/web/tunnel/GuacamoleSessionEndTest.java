package io.vantage.web.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.vantage.api.tunnel.vnc.VncAccessSteps;
import io.vantage.api.tunnel.guacamole.GuacamoleWebSocketClient;
import io.vantage.api.tunnel.guacamole.GuacamoleTestSupport;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.HttpSession;

/**
 * A desktop opened from a browser session lasts no longer than that session: an admin ending the person's
 * sessions, the person signing out, or their logout at the identity provider (back-channel) closes the connections that session opened (within the same 2 s as other
 * access changes) and voids the tickets it asked for; connections of the person's other sessions, and those an
 * API token opened, go on.
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

        void signOut() throws Exception {
            HttpResponse<String> out = http.postForm("/logout", Map.of("_csrf", csrf));
            assertThat(out.statusCode()).isIn(302, 303);
            assertThat(http.get("/api/me").statusCode()).as("signed out").isEqualTo(401);
        }
    }
}
