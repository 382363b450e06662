package io.vantage.web.keycloak;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.web.HttpSession;
import io.vantage.web.browser.Browser;

/**
 * End-to-end login against a real Keycloak 26 (started by {@code .ci/keycloak/start.sh} in the {@code keycloak}
 * Maven profile, realm imported from {@code docker/keycloak/vantage-realm.json}), driven by headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.auth.oidc.issuer-uri=${vantage.keycloak.url:http://localhost:8180}/realms/vantage",
        "vantage.auth.oidc.client-id=vantage-portal",
        "vantage.auth.oidc.client-secret=vantage-dev-secret",
        "vantage.auth.oidc.claims.user-id=person_id",
        "vantage.auth.oidc.claims.roles=roles"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakLoginIT {

    static final String KEYCLOAK = System.getProperty("vantage.keycloak.url", "http://localhost:8180");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser("http://localhost:" + port);
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
    void keycloakAccessTokensWorkOnTheApi() throws Exception {
        String form = "grant_type=password&client_id=vantage-cli&username=rosalind&password=rosalind&scope="
                + URLEncoder.encode("openid", StandardCharsets.UTF_8);
        HttpResponse<String> tokenResponse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/vantage/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        String token = tokenResponse.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        HttpSession client = new HttpSession("http://localhost:" + port);
        assertThat(client.get("/api/me", token).body()).contains("\"id\":\"1001\"");
        assertThat(client.get("/api/me", token.substring(0, token.length() - 4) + "AAAA").statusCode()).isEqualTo(401);
    }
}
