package io.vantage.cloud.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.GitRecipe;
import io.vantage.cloud.api.InstanceMetadata;

/**
 * Makes the job of an instance: its name and comment carry the instance uid and deployment id (so a lost submit
 * answer can be found again), its size comes from the flavour, its script from the image's kind. The secret only
 * travels in the job's environment, which Slurm shows to nobody but the job's user and administrators.
 */
final class JobFactory {

    static final String NAME_PREFIX = "vantage-";
    /** The image contract's port of the file service (protocol FILES): the portal asks for it by this port. */
    static final int FILES_PORT = 5981;

    private final SlurmSettings settings;
    private final String script;
    private final String desktop;
    private final String notebook;
    private final String data;

    /** The image contract's clone script, as the job's user; a failed clone leaves a note and never fails the job. */
    private static final String RECIPE = """

            # Analysis recipe (docs/image-contract.md, "Recipes"): VANTAGE_RECIPE_* from the job's environment
            if [ -n "${VANTAGE_RECIPE_URL:-}" ]; then
              bash -c "$(cat <<'VANTAGE_RECIPE_SCRIPT'
            %sVANTAGE_RECIPE_SCRIPT
            )" vantage-recipe || echo "vantage: the recipe could not be cloned" >&2
            fi
            """.formatted(GitRecipe.cloneScript());

    JobFactory(SlurmSettings settings) {
        this.settings = settings;
        this.script = resource("job-common.sh");
        this.desktop = resource("desktop.sh");
        this.notebook = resource("notebook.sh");
        this.data = resource("data.sh");
    }

    static String jobName(String instanceUid) {
        return NAME_PREFIX + instanceUid;
    }

    JobSpec job(CreateInstanceRequest request, SlurmSettings.Image image, SlurmSettings.Flavour flavour) {
        InstanceMetadata metadata = request.metadata();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", SlurmSettings.DEFAULT_PATH);
        environment.put("LANG", "C.UTF-8");
        // slurmstepd applies it before it creates the output file and starts the script
        environment.put("SLURM_UMASK", "0077");
        environment.putAll(settings.environment());
        environment.putAll(image.environment());
        environment.put("VANTAGE_TAGS", JobComment.of(metadata.tags()));
        // for the image's setup lines: e.g. linking the experiments' data folders into the home
        environment.put("VANTAGE_INSTANCE", metadata.instanceUid());
        environment.put("VANTAGE_OWNER", metadata.owner() == null ? "" : metadata.owner());
        environment.put("VANTAGE_EXPERIMENTS", String.join(",", metadata.experiments()));
        environment.put("VANTAGE_PROPOSALS", String.join(",", metadata.proposals()));
        environment.put("VANTAGE_NAME", request.name());
        environment.put("VANTAGE_BIND", settings.bindAddress());
        environment.put("VANTAGE_CONNECT", "0.0.0.0".equals(settings.bindAddress()) ? "127.0.0.1"
                : settings.bindAddress());
        environment.put("VANTAGE_START_TIMEOUT", Long.toString(Math.max(1, settings.startTimeout().toSeconds())));
        environment.put("VANTAGE_SCREEN", screen(metadata));
        environment.put("VANTAGE_VNC_PORT", settings.vncPort().toString());
        environment.put("VANTAGE_JUPYTER_PORT", settings.jupyterPort().toString());
        environment.put("VANTAGE_FILES_SERVICE_PORT", Integer.toString(FILES_PORT));
        environment.put("VANTAGE_BASE_URL", baseUrl(settings.jupyterBaseUrl(), metadata.instanceUid()));
        environment.put("VANTAGE_NOTEBOOK_DIR", image.notebookDir());
        environment.put(DataLinks.VARIABLE, DataLinks.environment(request.dataMounts()));
        if (metadata.recipe() != null) { // the job script clones it as the job's user before the notebook starts
            environment.putAll(metadata.recipe().environment());
        }
        environment.put("VANTAGE_SECRET", metadata.secret() == null ? "" : metadata.secret());
        Duration limit = flavour.timeLimit() != null ? flavour.timeLimit() : settings.timeLimit();
        return new JobSpec(jobName(metadata.instanceUid()), JobComment.of(metadata.tags()), script(image),
                first(flavour.partition(), settings.partition()), first(flavour.qos(), settings.qos()),
                account(metadata), flavour.cpus(), flavour.memoryMib(), flavour.gres(),
                limit == null ? null : minutes(limit), flavour.constraints(), flavour.reservation(),
                settings.workDir(), settings.workDir() + "/vantage-%u-%j.out", environment);
    }

    /** The user the job runs as: fixed, or the instance owner's id for {@code {owner}}. */
    String jobUser(InstanceMetadata metadata) {
        if (!settings.jobUser().contains("{owner}")) {
            return settings.jobUser();
        }
        if (metadata.owner() == null || !metadata.owner().matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new CloudPermanentException("The instance owner '" + metadata.owner() + "' is no valid user name "
                    + "for setting job-user " + settings.jobUser());
        }
        return settings.jobUser().replace("{owner}", metadata.owner());
    }

    String account(InstanceMetadata metadata) {
        if (settings.accountFromProposal() && !metadata.proposals().isEmpty()) {
            return settings.accountPattern().replace("{proposal}", metadata.proposals().get(0));
        }
        return settings.account();
    }

    static int minutes(Duration duration) {
        long seconds = Math.max(60, duration.toSeconds());
        return (int) Math.min(Integer.MAX_VALUE - 1L, (seconds + 59) / 60);
    }

    /** The settings pattern with {@code {uid}} filled in, always with leading and trailing slash. */
    static String baseUrl(String pattern, String uid) {
        String url = pattern.replace("{uid}", URLEncoder.encode(uid, StandardCharsets.UTF_8).replace("+", "%20"));
        url = url.startsWith("/") ? url : "/" + url;
        return url.endsWith("/") ? url : url + "/";
    }

    private String script(SlurmSettings.Image image) {
        String setup = image.setup() == null || image.setup().isBlank() ? ""
                : "\n# the image's setup, from the provider settings\n" + image.setup().strip() + "\n";
        // the data first: the image's setup may use ~/data
        return script + data + RECIPE + setup + ("desktop".equals(image.kind()) ? desktop : notebook);
    }

    private static String screen(InstanceMetadata metadata) {
        boolean set = metadata.screenWidth() > 0 && metadata.screenHeight() > 0;
        return set ? metadata.screenWidth() + "x" + metadata.screenHeight() : "1280x800";
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    private static String resource(String name) {
        try (InputStream in = JobFactory.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + JobFactory.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
