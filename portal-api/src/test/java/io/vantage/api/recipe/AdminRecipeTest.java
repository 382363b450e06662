package io.vantage.api.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;

/**
 * Recipes through the admin API: each bad field is named (a refused transport, credentials in the URL, a missing
 * ref, a path leaving the repository), slugs are unique, every change is audited, people see only enabled recipes,
 * and a launch naming a recipe of another environment is refused on its {@code recipe} field.
 */
@PortalTest
class AdminRecipeTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient admin;
    ApiClient user;

    @BeforeEach
    void clients() {
        admin = new ApiClient("http://localhost:" + port, oidc, "admin");
        user = new ApiClient("http://localhost:" + port, oidc, "1001");
    }

    @Test
    void badFieldsAreNamedAndNothingIsSaved() throws Exception {
        long before = count();
        Map<String, Object> recipe = recipe(unique("bad"));
        for (String url : List.of("http://git.example.org/sans.git", "git://git.example.org/sans.git",
                "ext::sh -c touch% /tmp/pwned", "--upload-pack=touch /tmp/x", "https://user:token@git.example.org/a.git",
                "https://git.example.org", "/srv/recipes/sans.git")) {
            recipe.put("url", url);
            assertFieldError(admin.post("/api/admin/recipes", recipe), "url");
        }
        recipe.put("url", "https://git.example.org/facility/sans-reduction.git");
        recipe.remove("ref");
        assertFieldError(admin.post("/api/admin/recipes", recipe), "ref");
        recipe.put("ref", "--orphan");
        assertFieldError(admin.post("/api/admin/recipes", recipe), "ref");
        recipe.put("ref", "v1.2");
        for (String notebook : List.of("../../etc/passwd.ipynb", "/abs/main.ipynb", "main.py", ".hidden/main.ipynb")) {
            recipe.put("notebook", notebook);
            assertFieldError(admin.post("/api/admin/recipes", recipe), "notebook");
        }
        recipe.put("notebook", "reduction/main.ipynb");
        recipe.put("planId", 999999);
        assertFieldError(admin.post("/api/admin/recipes", recipe), "planId");
        recipe.put("planId", Desktops.plan(jdbc, "notebook", "small"));
        recipe.put("slug", "Not A Slug");
        assertFieldError(admin.post("/api/admin/recipes", recipe), "slug");
        assertThat(count()).isEqualTo(before);
        assertThat(user.post("/api/admin/recipes", recipe).status()).isEqualTo(403);
    }

    @Test
    void aRecipeIsCreatedChangedAndDeletedAndEveryChangeIsAudited() throws Exception {
        String name = unique("SANS reduction");
        Map<String, Object> recipe = recipe(name);
        ApiClient.Response created = admin.post("/api/admin/recipes", recipe);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.get("id").asLong();
        String slug = created.get("slug").asString();
        assertThat(slug).isEqualTo(name.toLowerCase().replace(' ', '-'));
        assertThat(created.get("imageName").asString()).isEqualTo("Jupyter notebook");
        assertThat(created.get("techniques").get(0).asString()).isEqualTo("SANS");

        assertFieldError(admin.post("/api/admin/recipes", recipe), "name"); // same slug
        assertThat(names(user.get("/api/recipes?technique=sans"))).contains(name);
        assertThat(names(user.get("/api/recipes?technique=tomography"))).doesNotContain(name);

        recipe.put("enabled", false);
        recipe.put("ref", "v2.0");
        ApiClient.Response updated = admin.put("/api/admin/recipes/" + id, recipe);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.get("ref").asString()).isEqualTo("v2.0");
        assertThat(names(user.get("/api/recipes"))).as("disabled").doesNotContain(name);
        ApiClient.Response withDisabled = user.post("/api/instances/validation", Map.of("planId",
                Desktops.plan(jdbc, "notebook", "small"), "name", "x", "recipe", slug));
        assertFieldError(withDisabled, "recipe");

        assertThat(admin.delete("/api/admin/recipes/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/admin/recipes/" + id).status()).isEqualTo(404);
        assertThat(jdbc.queryForList("""
                select action || ':' || outcome from audit_events
                where target_type = 'recipe' and target_id = ? and actor_id = 'admin' order by id""",
                String.class, String.valueOf(id))).containsExactly("admin.recipe.create:SUCCESS",
                "admin.recipe.update:SUCCESS", "admin.recipe.delete:SUCCESS");
        assertThat(jdbc.queryForObject("select details from audit_events where target_type = 'recipe' and target_id = ?"
                + " and action = 'admin.recipe.update'", String.class, String.valueOf(id)))
                .contains("https://git.example.org/facility/sans-reduction.git at v2.0").contains("disabled");
    }

    @Test
    void aLaunchWithARecipeOfAnotherEnvironmentIsRefusedOnItsField() throws Exception {
        ApiClient.Response created = admin.post("/api/admin/recipes", recipe(unique("Tomography")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        ApiClient.Response desktop = user.post("/api/instances/validation", Map.of("planId",
                Desktops.plan(jdbc, "desktop", "small"), "name", "x", "recipe", created.get("slug").asString()));
        assertFieldError(desktop, "recipe");
        assertThat(desktop.raw()).contains("runs on Jupyter notebook");
        assertFieldError(user.post("/api/instances/validation", Map.of("planId", Desktops.plan(jdbc, "notebook",
                "small"), "name", "x", "recipe", "no-such-recipe")), "recipe");
        assertThat(admin.delete("/api/admin/recipes/" + created.get("id").asLong()).status()).isEqualTo(204);
    }

    private Map<String, Object> recipe(String name) {
        Map<String, Object> recipe = new HashMap<>();
        recipe.put("name", name);
        recipe.put("description", "Reduces SANS data");
        recipe.put("techniques", List.of("SANS", "reduction"));
        recipe.put("url", "https://git.example.org/facility/sans-reduction.git");
        recipe.put("ref", "main");
        recipe.put("notebook", "reduction/main.ipynb");
        recipe.put("planId", Desktops.plan(jdbc, "notebook", "small"));
        return recipe;
    }

    private static List<String> names(ApiClient.Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        list.body().forEach(node -> names.add(node.get("name").asString()));
        return names;
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from recipes", Long.class);
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static void assertFieldError(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.get("errors").get(0).get("field").asString()).as(response.raw()).isEqualTo(field);
    }
}
