package io.vantage.cloud.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vantage.cloud.api.GitRecipe;

/**
 * Clones an instance's analysis recipe into {@code ~/recipes/<name>} before its desktop or notebook starts, with the
 * image contract's own script ({@link GitRecipe#cloneScript()}) run as the instance's user: the repository is
 * untrusted code and never touches the portal's identity (a portal without instance users runs it as itself, and
 * the script refuses root). A failed clone leaves a note in the folder and never fails the launch.
 */
final class RecipeClone {

    private static final Logger log = LoggerFactory.getLogger(RecipeClone.class);
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private RecipeClone() {
    }

    /** Kept with the record's tags, so a restart or reboot clones again if the first one failed. */
    static InstanceRecord remember(InstanceRecord record, GitRecipe recipe) {
        InstanceRecord with = record;
        if (recipe != null) {
            for (Map.Entry<String, String> key : recipe.metadata().entrySet()) {
                with = with.withTag(key.getKey(), key.getValue());
            }
        }
        return with;
    }

    static void run(Launch launch) throws InterruptedException {
        Optional<GitRecipe> recipe = GitRecipe.fromMetadata(launch.record().tags());
        if (recipe.isEmpty()) {
            return;
        }
        String bash;
        try {
            bash = launch.executable("bash");
            launch.executable("git");
        } catch (IllegalStateException e) {
            log.warn("Local instance {}: recipe {} not cloned: {} (install git)", launch.record().computeId(),
                    recipe.get().name(), e.getMessage());
            return;
        }
        Map<String, String> environment = new java.util.HashMap<>(recipe.get().environment());
        environment.put("VANTAGE_RECIPE_TIMEOUT", String.valueOf(LONGEST.minusSeconds(10).toSeconds()));
        try {
            ProcessRecord clone = launch.start("recipe", false,
                    List.of(bash, "-c", GitRecipe.cloneScript(), "vantage-recipe"), environment);
            // a stop or delete meanwhile ends the clone rather than waiting for it
            boolean ended = Waits.until(() -> !ProcessTree.isAlive(clone) || launch.cancelled(), LONGEST);
            launch.discard(clone);
            log.info("Local instance {}: recipe {} {}: {}", launch.record().computeId(), recipe.get().name(),
                    !ended ? "stopped after " + LONGEST : launch.cancelled() ? "stopped, the launch was cancelled"
                            : "done", launch.logTail("recipe").strip());
        } catch (LaunchException e) {
            log.warn("Local instance {}: recipe {} not cloned: {}", launch.record().computeId(), recipe.get().name(),
                    e.getMessage());
        }
    }
}
