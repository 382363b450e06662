package io.vantage.web.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vantage.cloud.api.CloudInitUserData;
import io.vantage.cloud.api.GitRecipe;
import io.vantage.cloud.api.InstanceMetadata;

/**
 * The reference image's boot script clones the metadata's recipe as the desktop user (here Debian's {@code daemon},
 * an unprivileged account with a group of its own), never as root, and runs none of the hooks git's configuration
 * on the machine names.
 */
class RecipeContractTest {

    @TempDir
    Path root;

    @Test
    void vantageConfigureClonesTheRecipeAsTheDesktopUserAndRunsNoHook() throws Exception {
        // skipped without root on a developer's machine (runuser needs it); in CI (CI set) a missing root fails
        boolean isRoot = "root".equals(System.getProperty("user.name"));
        if (System.getenv("CI") != null) {
            assertThat(isRoot).as("the image's scripts switch users: CI must run the tests as root").isTrue();
        } else {
            assumeTrue(isRoot, "the image's scripts switch users (CI runs tests as root)");
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path repository = root.resolve("recipe.git");
        Path work = root.resolve("work");
        run(root, "git", "init", "--quiet", "--bare", "--initial-branch=main", repository.toString());
        run(root, "git", "init", "--quiet", "--initial-branch=main", work.toString());
        Files.writeString(work.resolve("main.ipynb"), "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, "
                + "\"nbformat_minor\": 5}");
        run(work, "git", "add", ".");
        run(work, "git", "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "--quiet", "-m", "nb");
        run(work, "git", "tag", "v1");
        run(work, "git", "push", "--quiet", "--tags", repository.toUri().toString(), "main");
        // hooks a machine's git configuration names (here the system one): a clone of untrusted code runs none
        Path pwned = root.resolve("hook-ran");
        Path hooks = Files.createDirectories(root.resolve("hooks"));
        for (String hook : List.of("reference-transaction", "post-checkout", "post-merge")) {
            Files.writeString(hooks.resolve(hook), "#!/bin/sh\ntouch '" + pwned + "'\n");
        }
        Path systemConfig = Files.writeString(root.resolve("gitconfig"), "[core]\n\thooksPath = " + hooks + "\n");
        run(root, "chmod", "-R", "a+rwx", hooks.toString());
        run(root, "chmod", "-R", "a+rX", root.toString());
        run(root, "chmod", "a+rwx", root.toString());

        ImageScripts image = new ImageScripts(root);
        UserPrincipal daemon = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("daemon");
        Files.setOwner(image.home, daemon);
        InstanceMetadata metadata = new InstanceMetadata("deploy-a", "rc7x2q9abc12", "1001", List.of(), 1280, 800,
                "en-gb-qwerty", "recipe-secret-1234567890", List.of(),
                new GitRecipe("powder", "file://" + repository, "v1", "main.ipynb"));
        Path metadataFile = root.resolve("metadata.json");
        Files.writeString(metadataFile, CloudInitUserData.json(metadata.machineMetadata()));

        String output = ImageScripts.run(List.of(ImageScripts.FILES.resolve("vantage-configure").toString()), Map.of(
                "VANTAGE_METADATA", metadataFile.toString(), "VANTAGE_ETC", image.etc.toString(),
                "VANTAGE_HOME", image.home.toString(), "VANTAGE_USER", "daemon",
                "VANTAGE_LIB", ImageScripts.FILES.toString(), "GIT_CONFIG_SYSTEM", systemConfig.toString()));

        Path clone = image.home.resolve("recipes/powder");
        assertThat(output).contains("cloned into " + clone);
        assertThat(clone.resolve("main.ipynb")).exists();
        assertThat(Files.getOwner(clone.resolve("main.ipynb"))).isEqualTo(daemon);
        assertThat(pwned).doesNotExist();
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
