package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.GitRecipe;
import io.vantage.cloud.api.InstanceMetadata;

/** A job with a recipe gets its values in the environment and clones it before the notebook starts. */
class JobRecipeTest {

    private final TestSettings settings = new TestSettings();

    @Test
    void theJobClonesTheRecipeAsItsUserBeforeTheNotebookStarts() throws Exception {
        CreateInstanceRequest plain = Requests.of("d-1", "notebook", "small");
        InstanceMetadata m = plain.metadata();
        GitRecipe recipe = new GitRecipe("sans-reduction", "https://git.example.org/sans.git", "v1.2",
                "reduction/main.ipynb");
        CreateInstanceRequest request = new CreateInstanceRequest(plain.name(), plain.imageId(), plain.flavourId(),
                List.of(), List.of(), new InstanceMetadata(m.deploymentId(), m.instanceUid(), m.owner(),
                m.experiments(), m.screenWidth(), m.screenHeight(), m.keyboardLayout(), m.secret(), m.proposals(),
                recipe), null);
        SlurmSettings built = settings.build();

        JobSpec job = new JobFactory(built).job(request, built.images().get("notebook"), built.flavours().get("small"));

        assertThat(job.environment()).containsEntry("VANTAGE_RECIPE_NAME", "sans-reduction")
                .containsEntry("VANTAGE_RECIPE_URL", "https://git.example.org/sans.git")
                .containsEntry("VANTAGE_RECIPE_REF", "v1.2")
                .containsEntry("VANTAGE_RECIPE_NOTEBOOK", "reduction/main.ipynb");
        assertThat(job.script()).contains(GitRecipe.cloneScript())
                .doesNotContain("https://git.example.org/sans.git"); // values travel in the environment only
        assertThat(job.script().indexOf("vantage-recipe || echo"))
                .isLessThan(job.script().indexOf("jupyter-notebook --no-browser"));
        Process syntax = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        syntax.getOutputStream().write(job.script().getBytes(StandardCharsets.UTF_8));
        syntax.getOutputStream().close();
        String said = new String(syntax.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(syntax.waitFor()).as(said).isZero();
    }
}
