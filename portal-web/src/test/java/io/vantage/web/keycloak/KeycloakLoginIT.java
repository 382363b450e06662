package io.vantage.web.keycloak;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.testing.HttpSession;
import io.vantage.web.browser.Browser;

/**
 * End-to-end login against a real Keycloak 26 (started by {@code .ci/keycloak/start.sh} in the {@code keycloak}
 * Maven profile, realm imported from {@code docker/keycloak/vantage-realm.json}), driven by headless Chromium:
 * login, roles, API tokens (access tokens only), back-channel logout, and a Keycloak that hangs mid-login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.auth.oidc.issuer-uri=${vantage.keycloak.url:http://localhost:8180}/realms/vantage",
        "vantage.auth.oidc.client-id=vantage-portal",
        "vantage.auth.oidc.client-secret=vantage-dev-secret",
        "vantage.auth.oidc.claims.user-id=person_id",
        "vantage.auth.oidc.claims.roles=roles",
        "vantage.auth.oidc.timeout=3s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakLoginIT {

    static final String KEYCLOAK = System.getProperty("vantage.keycloak.url", "http://localhost:8180");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    KeycloakAdmin keycloak = new KeycloakAdmin(KEYCLOAK);

    @BeforeAll
    void openBrowser() throws Exception {
        browser = new Browser("http://localhost:" + port);
        // As the nightly import would have it; with a real provider the portal seeds no demo people.
        jdbc.update("""
                insert into users (id, first_name, last_name, email) values ('1001', 'Rosalind', 'Franklin',
                'rosalind.franklin@lund.example') on conflict do nothing""");
        keycloak.backChannelLogoutTo("http://localhost:" + port + "/logout/connect/back-channel/vantage");
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    Page loginAtKeycloak(String username, String password) {
        Page page = browser.newPage();
        page.navigate(browser.base() + "/");
        page.waitForURL(url -> url.startsWith(KEYCLOAK));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(browser.base()));
        return page;
    }

    @Test
    void scientistLogsInAndIsLinkedToTheImportedUserByPersonId() {
        Page page = loginAtKeycloak("rosalind", "rosalind");
        assertThat(page.locator("body")).hasAttribute("data-user", "1001");
        assertThat(page.locator("#viewer-name")).hasText("Rosalind Franklin");
        Browser.screenshot(page, "keycloak-01-signed-in");
        String me = page.request().get(browser.base() + "/api/me").text();
        assertThat(me).contains("\"id\":\"1001\"");
        assertThat(jdbc.queryForObject("select count(*) from users where id = '1001'", Integer.class)).isEqualTo(1);

        page.locator("form[action='/logout'] button").click();
        page.waitForURL(url -> url.endsWith("/signed-out"));
        assertThat(page.request().get(browser.base() + "/api/me").status()).isEqualTo(401);
        page.context().close();
    }

    @Test
    void realmRolesBecomePortalRoles() {
        Page page = loginAtKeycloak("grace", "grace");
        String me = page.request().get(browser.base() + "/api/me").text();
        assertThat(me).contains("\"id\":\"admin\"").contains("ADMIN").contains("STAFF");
        assertThat(page.locator("a[href='/admin']")).isVisible();
        page.context().close();
    }

    @Test
    void keycloakAccessTokensWorkOnTheApiAndItsIdTokensDoNot() throws Exception {
        HttpResponse<String> tokenResponse = keycloak.form(KEYCLOAK + "/realms/vantage/protocol/openid-connect/token",
                "grant_type=password&client_id=vantage-cli&username=rosalind&password=rosalind&scope="
                        + URLEncoder.encode("openid", StandardCharsets.UTF_8));
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        String token = tokenResponse.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String idToken = tokenResponse.body().replaceAll(".*\"id_token\":\"([^\"]+)\".*", "$1");

        HttpSession client = new HttpSession("http://localhost:" + port);
        assertThat(client.get("/api/me", token).body()).contains("\"id\":\"1001\"");
        HttpResponse<String> forged = client.get("/api/me", token.substring(0, token.length() - 4) + "AAAA");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("\"reason\":\"signature\"");
        HttpResponse<String> withIdToken = client.get("/api/me", idToken);
        assertThat(withIdToken.statusCode()).isEqualTo(401);
        assertThat(withIdToken.body()).contains("\"reason\":\"id_token\"").contains("it is an ID token");
    }

    @Test
    @Order(1)
    void signingOutAtKeycloakEndsThePortalSession() throws Exception {
        Page page = loginAtKeycloak("rosalind", "rosalind");
        assertThat(page.request().get(browser.base() + "/api/me").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from oidc_sessions where user_id = '1001' and sid is not null",
                Integer.class)).as("the login's Keycloak session id is known").isPositive();

        keycloak.logout("rosalind");

        await().atMost(Duration.ofSeconds(20)).until(() -> page.request().get(browser.base() + "/api/me").status() == 401);
        page.navigate(browser.base() + "/");
        page.waitForURL(url -> url.startsWith(KEYCLOAK));
        assertThat(page.locator("#username")).isVisible();
        Browser.screenshot(page, "keycloak-02-signed-out-by-back-channel");
        page.context().close();
    }

    /**
     * Keycloak hangs between the login and the portal's call to its token endpoint (the process is stopped: it
     * accepts connections and answers nothing): the person gets the error page after the configured timeout.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aFrozenKeycloakGivesTheErrorPageWithinTheTimeout() throws Exception {
        Page page = browser.newPage();
        page.navigate(browser.base() + "/");
        page.waitForURL(url -> url.startsWith(KEYCLOAK));
        long[] frozenAt = {0};
        // Keycloak answers the login form; the browser then carries the code to the portal, Keycloak frozen.
        page.route(url -> url.startsWith(KEYCLOAK) && url.contains("/login-actions/authenticate"), route -> {
            APIResponse answer = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
            try {
                KeycloakAdmin.signal("STOP");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            frozenAt[0] = System.nanoTime();
            route.fulfill(new Route.FulfillOptions().setResponse(answer));
        });
        try {
            page.locator("#username").fill("rosalind");
            page.locator("#password").fill("rosalind");
            page.locator("#kc-login").click();
            page.waitForURL(url -> url.endsWith("/login-error"), new Page.WaitForURLOptions().setTimeout(60_000));
            Duration took = Duration.ofNanos(System.nanoTime() - frozenAt[0]);

            assertThat(frozenAt[0]).as("Keycloak was frozen").isPositive();
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(3)).isLessThan(Duration.ofSeconds(30));
            assertThat(page.locator("body")).containsText("did not answer in time");
            Browser.screenshot(page, "keycloak-03-frozen-provider");
        } finally {
            KeycloakAdmin.signal("CONT");
            page.context().close();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> keycloak.form(KEYCLOAK + "/realms/vantage/protocol/openid-connect/token",
                "grant_type=password&client_id=vantage-cli&username=rosalind&password=rosalind").statusCode() == 200);
    }
}
