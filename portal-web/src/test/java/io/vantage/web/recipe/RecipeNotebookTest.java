package io.vantage.web.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
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
import io.vantage.web.notebook.NotebookHttp;
import io.vantage.api.testing.PortalTest;
import io.vantage.web.browser.Browser;

/**
 * Issue 16: a recipe from a local bare git repository is cloned into a launched notebook and its notebook opens.
 * A real bare repository, a real Jupyter started by the local provider, the clone made by the instance's own user;
 * the contents API through the portal's proxy lists the cloned notebook, the entry sends the person to it, and in
 * Chromium the instance page opens it. A recipe whose ref does not exist still gives a running notebook, whose
 * recipe folder and main notebook say why the recipe is missing.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecipeNotebookTest {

    private static final Pattern COOKIE = Pattern.compile("^(?:__Host-)?vantage-notebook=([^;]+)");
    private static final String MARKER = "SANS reduction recipe " + UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    Path repository;
    ApiClient admin;
    ApiClient owner;
    Browser browser;

    @BeforeAll
    void bareRepository() throws Exception {
        Path root = Files.createTempDirectory("vantage-recipe-");
        repository = root.resolve("sans.git");
        Path work = root.resolve("work");
        git(root, "init", "--quiet", "--bare", "--initial-branch=main", repository.toString());
        git(root, "init", "--quiet", "--initial-branch=main", work.toString());
        Files.createDirectories(work.resolve("analysis"));
        Files.writeString(work.resolve("analysis/main.ipynb"), """
                {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# %s"}], "metadata": {},
                 "nbformat": 4, "nbformat_minor": 5}""".formatted(MARKER));
        git(work, "add", ".");
        git(work, "-c", "user.name=Recipe Author", "-c", "user.email=author@example.org", "commit", "--quiet", "-m",
                "Reduction notebook");
        git(work, "push", "--quiet", repository.toUri().toString(), "main");
        // instance users read it like any other file of this host: nothing above it may be closed to them
        run(root, "chmod", "-R", "a+rX", root.toString());
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        admin = new ApiClient("http://localhost:" + port, oidc, "admin");
        owner = new ApiClient("http://localhost:" + port, oidc, Desktops.scientist(jdbc, "recipe-owner", "EXP-2"));
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowserAndWithdrawTheRecipes() throws Exception {
        browser.close();
        // the portal is shared with other test classes: their launch wizards need not list these
        for (Long id : jdbc.queryForList("select id from recipes where url = ?", Long.class, "file://" + repository)) {
            assertThat(admin.delete("/api/admin/recipes/" + id).status()).isEqualTo(204);
        }
    }

    @Test
    void aRecipeIsClonedIntoTheNotebookAndItsMainNotebookOpens() throws Exception {
        String slug = recipe("main");
        // an /open link opens the wizard with the recipe chosen; an unknown recipe is a 404 saying so
        Page page = browser.signedIn("recipe-owner");
        page.navigate(browser.base() + "/open?recipe=" + slug);
        assertThat(page.url()).contains("/launch?recipe=" + slug);
        assertThat(page.locator("#step-experiments input[name=recipe]").getAttribute("value")).isEqualTo(slug);
        assertThat(page.navigate(browser.base() + "/open?recipe=no-such-recipe").status()).isEqualTo(404);
        assertThat(page.content()).contains("There is no recipe");
        // the wizard lists it; choosing it presets its environment and size
        page.navigate(browser.base() + "/launch?step=environment&experiment=EXP-2");
        page.locator("#recipe-" + slug).click();
        PlaywrightAssertions.assertThat(page.locator("#step-size")).isVisible();
        assertThat(page.locator("input[name=plan]:checked").getAttribute("value"))
                .isEqualTo(String.valueOf(Desktops.plan(jdbc, "notebook", "small")));
        assertThat(page.locator("#step-size input[name=recipe]").getAttribute("value")).isEqualTo(slug);

        String uid = launch(slug);
        Path home = Desktops.home(jdbc, uid).orElseThrow();
        Path clone = home.resolve("recipes/" + slug);
        assertThat(clone.resolve(".git")).isDirectory();
        assertThat(Files.getOwner(clone)).as("cloned by the instance's user").isEqualTo(Files.getOwner(home));

        String cookie = enter(uid);
        NotebookHttp.Response listed = jupyter(uid, cookie, "/api/contents/recipes/" + slug + "/analysis");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains("\"name\": \"main.ipynb\"").contains("\"type\": \"notebook\"");
        NotebookHttp.Response notebook = jupyter(uid, cookie, "/api/contents/recipes/" + slug + "/analysis/main.ipynb");
        assertThat(notebook.body()).contains(MARKER);

        // the entry sends the person to the main notebook, which Jupyter opens
        String next = "/instances/" + uid + "/jupyter/tree/recipes/" + slug + "/analysis/main.ipynb";
        NotebookHttp.Response entered = NotebookHttp.get(port, host(uid), "/instances/" + uid + "/enter?ticket="
                + Desktops.ticket(owner, uid, "JUPYTER") + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                Map.of());
        assertThat(entered.header("Location").orElse("")).endsWith(next);
        NotebookHttp.Response tree = NotebookHttp.get(port, host(uid), next, Map.of("Cookie", cookie));
        assertThat(tree.header("Location").orElse("")).as("%s %s", tree.status(), tree.body())
                .endsWith("/instances/" + uid + "/jupyter/notebooks/recipes/" + slug + "/analysis/main.ipynb");

        // and the instance page opens it in its frame
        page.navigate(browser.base() + "/instances/" + uid);
        PlaywrightAssertions.assertThat(page.locator("#instance-recipe")).containsText("~/recipes/" + slug);
        page.frameLocator("#notebook-frame").locator(".text_cell_render h1").getByText(MARKER).waitFor();
        Frame frame = page.frames().stream().filter(f -> f.url().startsWith("http://" + host(uid) + "/"))
                .findFirst().orElseThrow();
        assertThat(frame.url()).contains("/jupyter/notebooks/recipes/" + slug + "/analysis/main.ipynb");
        Browser.screenshot(page, "recipe-notebook");
        page.context().close();
        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }

    @Test
    void aRecipeThatCannotBeClonedLeavesARunningNotebookSayingWhy() throws Exception {
        String slug = recipe("no-such-branch");
        String uid = launch(slug);
        String cookie = enter(uid);
        NotebookHttp.Response listed = jupyter(uid, cookie, "/api/contents/recipes/" + slug);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains("RECIPE-NOT-CLONED.md");
        NotebookHttp.Response note = jupyter(uid, cookie, "/api/contents/recipes/" + slug + "/RECIPE-NOT-CLONED.md");
        assertThat(note.body()).contains("could not be cloned").contains("no-such-branch");
        NotebookHttp.Response standIn = jupyter(uid, cookie, "/api/contents/recipes/" + slug + "/analysis/main.ipynb");
        assertThat(standIn.body()).as("the main notebook says why").contains("could not be cloned")
                .doesNotContain(MARKER);
        assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
    }

    private String recipe(String ref) throws Exception {
        Map<String, Object> recipe = new HashMap<>();
        recipe.put("name", "SANS " + UUID.randomUUID().toString().substring(0, 8));
        recipe.put("techniques", List.of("SANS"));
        recipe.put("url", "file://" + repository);
        recipe.put("ref", ref);
        recipe.put("notebook", "analysis/main.ipynb");
        recipe.put("planId", Desktops.plan(jdbc, "notebook", "small"));
        ApiClient.Response created = admin.post("/api/admin/recipes", recipe);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.get("slug").asString();
    }

    private String launch(String slug) throws Exception {
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", Desktops.plan(jdbc, "notebook",
                "small"), "experimentIds", List.of("EXP-2"), "name", "Recipe " + slug, "recipe", slug));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String uid = launched.get("uid").asText();
        Desktops.awaitState(owner, uid, "ACTIVE");
        return uid;
    }

    private String enter(String uid) throws Exception {
        NotebookHttp.Response entered = NotebookHttp.get(port, host(uid), "/instances/" + uid + "/enter?ticket="
                + Desktops.ticket(owner, uid, "JUPYTER"), Map.of());
        assertThat(entered.status()).as(entered.body()).isEqualTo(303);
        for (String header : entered.headers("Set-Cookie")) {
            Matcher matcher = COOKIE.matcher(header);
            if (matcher.find()) {
                return "vantage-notebook=" + matcher.group(1);
            }
        }
        throw new AssertionError("No notebook cookie in " + entered.headers());
    }

    private NotebookHttp.Response jupyter(String uid, String cookie, String path) throws Exception {
        return NotebookHttp.get(port, host(uid), "/instances/" + uid + "/jupyter" + path.replace(" ", "%20"),
                Map.of("Cookie", cookie));
    }

    private String host(String uid) {
        return uid + ".notebooks.localhost:" + port;
    }

    private static void git(Path directory, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        run(directory, command.toArray(String[]::new));
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
