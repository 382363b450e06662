package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;

/** The admin pages are for admins only: a signed-in scientist gets 403 on every page and every form. */
@PortalTest
class AdminPagesAccessTest {

    static final List<String> PAGES = List.of("/admin", "/admin/instances", "/admin/users", "/admin/users/1001",
            "/admin/images", "/admin/images/import", "/admin/images/1", "/admin/flavours", "/admin/flavours/new",
            "/admin/plans", "/admin/pools", "/admin/roles", "/admin/roles/STAFF", "/admin/security-groups",
            "/admin/notifications", "/admin/notifications/new", "/admin/providers", "/admin/providers/new",
            "/admin/extension-requests", "/admin/lifetime", "/admin/audit", "/admin/etl-runs", "/admin/etl-runs/1",
            "/admin/etl-runs/1/problems.csv", "/admin/data-stores", "/admin/data-stores/new",
            "/admin/recipes", "/admin/recipes/new");

    @LocalServerPort
    int port;

    @Test
    void scientistsAreRefusedEveryPageAndForm() throws Exception {
        HttpSession scientist = new HttpSession("http://localhost:" + port);
        HttpResponse<String> home = scientist.loginThroughEmbeddedProvider("1001",
                "{\"given_name\":\"Rosalind\",\"family_name\":\"Franklin\"}");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).as("no admin link for them").doesNotContain("href=\"/admin\"");
        for (String page : PAGES) {
            assertThat(scientist.get(page).statusCode()).as(page).isEqualTo(403);
        }
        String token = HttpSession.csrf(home.body());
        for (String action : List.of("/admin/users/1001/roles", "/admin/groups", "/admin/etl-runs/dry-run",
                "/admin/etl-runs/1/confirm", "/admin/providers/1/delete", "/admin/pools/1",
                "/admin/pools/1/remove", "/admin/lifetime/roles/GUEST", "/admin/lifetime/test-mail")) {
            HttpResponse<String> posted = scientist.postForm(action, Map.of("_csrf", token, "role", "ADMIN",
                    "name", "sneaky"));
            assertThat(posted.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(new HttpSession("http://localhost:" + port).get("/admin").statusCode())
                .as("anonymous visitors are sent to sign in").isEqualTo(302);
    }
}
