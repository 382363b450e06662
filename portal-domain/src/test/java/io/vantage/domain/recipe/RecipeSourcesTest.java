package io.vantage.domain.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a recipe may point at: the transports and names a machine can clone safely, nothing git would misread. */
class RecipeSourcesTest {

    @Test
    void onlyHttpsAndSshRepositoriesWithoutCredentials() {
        assertThat(RecipeSources.urlProblem("https://git.example.org/facility/sans.git", false)).isNull();
        assertThat(RecipeSources.urlProblem("ssh://git@git.example.org/facility/sans.git", false)).isNull();
        assertThat(RecipeSources.urlProblem("http://git.example.org/sans.git", false)).contains("https://");
        assertThat(RecipeSources.urlProblem("git://git.example.org/sans.git", false)).contains("git:");
        assertThat(RecipeSources.urlProblem("ext::sh -c 'touch /tmp/x'", false)).isNotNull();
        assertThat(RecipeSources.urlProblem("ext::sh%20-c%20id", false)).isNotNull();
        assertThat(RecipeSources.urlProblem("-uhttps://x/y", false)).isNotNull();
        assertThat(RecipeSources.urlProblem("https://me:secret@git.example.org/a.git", false)).contains("credentials");
        assertThat(RecipeSources.urlProblem("https://git.example.org", false)).contains("path");
        assertThat(RecipeSources.urlProblem("https://git.example.org/" + "a".repeat(250), false)).contains("255");
    }

    @Test
    void fileRepositoriesOnlyWhereAllowedAndWithAnAbsoluteNormalisedPath() {
        assertThat(RecipeSources.urlProblem("file:///srv/recipes/sans.git", false)).contains("allow-file-urls");
        assertThat(RecipeSources.urlProblem("file:///srv/recipes/sans.git", true)).isNull();
        assertThat(RecipeSources.urlProblem("file:///srv/../etc", true)).isNotNull();
        assertThat(RecipeSources.urlProblem("file://host/srv/sans.git", true)).isNotNull();
    }

    @Test
    void refsAndNotebookPathsStayInsideTheRepository() {
        assertThat(RecipeSources.refProblem("main")).isNull();
        assertThat(RecipeSources.refProblem("release/2025.1")).isNull();
        assertThat(RecipeSources.refProblem("3f2c1ab")).isNull();
        assertThat(RecipeSources.refProblem("--upload-pack=x")).isNotNull();
        assertThat(RecipeSources.refProblem("a..b")).isNotNull();
        assertThat(RecipeSources.refProblem(null)).isNotNull();
        assertThat(RecipeSources.notebookProblem("reduction/Main notebook.ipynb")).isNull();
        assertThat(RecipeSources.notebookProblem("../x.ipynb")).isNotNull();
        assertThat(RecipeSources.notebookProblem("/abs.ipynb")).isNotNull();
        assertThat(RecipeSources.notebookProblem(".git/x.ipynb")).isNotNull();
        assertThat(RecipeSources.notebookProblem("script.py")).isNotNull();
    }

    @Test
    void slugsNameFolders() {
        assertThat(RecipeSources.slugOf("SANS reduction (D22)")).isEqualTo("sans-reduction-d22");
        assertThat(RecipeSources.slugProblem("sans-reduction-d22")).isNull();
        assertThat(RecipeSources.slugProblem("../x")).isNotNull();
        assertThat(RecipeSources.slugProblem("")).isNotNull();
    }
}
