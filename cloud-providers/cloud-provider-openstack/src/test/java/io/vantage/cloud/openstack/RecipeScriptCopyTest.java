package io.vantage.cloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.vantage.cloud.api.GitRecipe;
import org.junit.jupiter.api.Test;

/**
 * The reference image clones recipes with the same script as the local provider and Slurm jobs (the image build
 * cannot read the jar, so it keeps a copy): the copy must not drift from the one the portal's tests run.
 */
class RecipeScriptCopyTest {

    @Test
    void theImagesCloneScriptIsTheContractsOwn() throws Exception {
        Path copy = Path.of("packer/files/vantage-recipe");
        assertThat(Files.readString(copy)).isEqualTo(GitRecipe.cloneScript());
        assertThat(Files.isExecutable(copy)).isTrue();
        assertThat(Files.readString(Path.of("packer/scripts/40-vantage.sh"))).contains("/tmp/vantage/vantage-recipe");
        assertThat(Files.readString(Path.of("packer/files/vantage-configure")))
                .contains("runuser -u \"$user\"").contains("\"$lib/vantage-recipe\"");
    }
}
