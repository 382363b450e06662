package io.vantage.web.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;

/**
 * Admin → Recipes as an admin uses it: a bad URL comes back on the form with the message under the field and
 * nothing saved; a good one is listed with its link, audited, and deleted from the list.
 */
@PortalTest
class AdminRecipePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HttpSession admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = new HttpSession("http://localhost:" + port);
        HttpResponse<String> landed = admin.loginThroughEmbeddedProvider("admin",
                "{\"given_name\":\"Grace\",\"family_name\":\"Hopper\"}");
        assertThat(landed.statusCode()).isEqualTo(200);
    }

    @Test
    void aRecipeIsAddedThroughTheFormAndABadUrlIsShownUnderItsField() throws Exception {
        String name = "Diffraction " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("techniques", "diffraction, powder");
        form.put("url", "git://git.example.org/powder.git");
        form.put("ref", "main");
        form.put("notebook", "powder.ipynb");
        form.put("planId", String.valueOf(Desktops.plan(jdbc, "notebook", "small")));
        form.put("enabled", "true");

        HttpResponse<String> refused = post("/admin/recipes", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        String html = HtmlUtils.htmlUnescape(refused.body());
        assertThat(html).contains("is-invalid").contains("use an https:// (or ssh://) URL; git: is refused")
                .contains("value=\"" + name + "\"");
        assertThat(jdbc.queryForObject("select count(*) from recipes where name = ?", Long.class, name)).isZero();

        form.put("url", "https://git.example.org/powder.git");
        HttpResponse<String> saved = post("/admin/recipes", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String list = HtmlUtils.htmlUnescape(admin.get("/admin/recipes").body());
        String slug = name.toLowerCase().replace(' ', '-');
        assertThat(list).contains("Recipe " + name + " added.").contains("/open?recipe=" + slug)
                .contains("https://git.example.org/powder.git");
        long id = jdbc.queryForObject("select id from recipes where slug = ?", Long.class, slug);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'admin.recipe.create' "
                + "and target_id = ?", Long.class, String.valueOf(id))).isEqualTo(1);

        assertThat(post("/admin/recipes/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from recipes where id = ?", Long.class, id)).isZero();
    }

    private HttpResponse<String> post(String action, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", HttpSession.csrf(admin.get("/admin/recipes/new").body()));
        return admin.postForm(action, form);
    }
}
