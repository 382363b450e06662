package io.vantage.cloud.slurm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.ProviderContext;

/**
 * The one-node test cluster {@code .ci/slurm/start.sh} runs (the {@code slurm} Maven profile starts it), as the tests
 * see it: its slurmrestd, tokens and {@code slurm.conf} from {@code $VANTAGE_SLURM_DIR/slurm.env}, plus the command
 * line tools for what happens outside the portal ({@code scancel}, a controller restart). When the cluster is not
 * there the tests fail at once with what to do, instead of hanging or skipping.
 */
final class SlurmCluster {

    static final Path DIR = Path.of(System.getenv().getOrDefault("VANTAGE_SLURM_DIR", "/var/tmp/vantage-slurm"));
    private static final Path SCRIPTS = Path.of(System.getProperty("user.dir")).resolve("../../.ci/slurm").normalize();

    private final Map<String, String> env;

    private SlurmCluster(Map<String, String> env) {
        this.env = env;
    }

    /** The running cluster; fails (never skips) when it is not running. */
    static SlurmCluster require() {
        Path file = DIR.resolve("slurm.env");
        String howTo = "The Slurm tests need the test cluster: run .ci/slurm/start.sh (as root or with password-less "
                + "sudo; Debian packages slurmctld slurmd slurmrestd munge slurm-wlm-jwt-plugin), or run them with "
                + "mvn -Pslurm verify, which starts and stops it";
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("No " + file + ". " + howTo);
        }
        Map<String, String> env = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    env.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            HttpResponse<String> ping = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(env.get("VANTAGE_SLURM_URL") + "/slurm/v0.0.38/ping"))
                            .timeout(Duration.ofSeconds(10))
                            .header("X-SLURM-USER-NAME", env.get("VANTAGE_SLURM_USER"))
                            .header("X-SLURM-USER-TOKEN", Files.readString(Path.of(
                                    env.get("VANTAGE_SLURM_TOKEN_FILE"))).trim()).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (ping.statusCode() != 200 || !ping.body().contains("\"UP\"")) {
                throw new IllegalStateException("slurmrestd at " + env.get("VANTAGE_SLURM_URL") + " answered "
                        + ping.statusCode() + ": " + ping.body() + ". " + howTo);
            }
        } catch (IOException e) {
            throw new IllegalStateException("No Slurm answers at " + env.get("VANTAGE_SLURM_URL") + " (" + e + "). "
                    + howTo, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new SlurmCluster(env);
    }

    String url() {
        return env.get("VANTAGE_SLURM_URL");
    }

    String user() {
        return env.get("VANTAGE_SLURM_USER");
    }

    String tokenFile() {
        return env.get("VANTAGE_SLURM_TOKEN_FILE");
    }

    String secondUser() {
        return env.get("VANTAGE_SLURM_USER2");
    }

    /** A token of SlurmUser: an operator, who may lengthen time limits and submit as other users. */
    String adminTokenFile() {
        return env.get("VANTAGE_SLURM_ADMIN_TOKEN_FILE");
    }

    /** The jobs' working directory (their Slurm output files), removed with the cluster's state by stop.sh. */
    String workDir() {
        return env.get("VANTAGE_SLURM_WORK_DIR");
    }

    int cpus() {
        return Integer.parseInt(env.get("VANTAGE_SLURM_CPUS"));
    }

    /** A provider of this deployment (tests use a fresh one each, so they see only their own jobs). */
    CloudProvider provider(SlurmSettings settings, String deploymentId) {
        return new SlurmProviderFactory().create("test-slurm", settings,
                new ProviderContext(deploymentId, null, Duration.ofSeconds(20)));
    }

    /** {@code scancel} as root: a job killed outside the portal. */
    void scancel(String jobId) {
        run(List.of("scancel", jobId));
    }

    /** The job as {@code squeue} sees it: {@code STATE USER ACCOUNT TIME_LIMIT NAME}, empty when gone. */
    String squeue(String jobId) {
        return run(List.of("squeue", "-h", "-j", jobId, "-o", "%T %u %a %l %j")).trim();
    }

    /** Every job of the cluster with this name, as {@code id} lines. */
    List<String> jobsNamed(String name) {
        String out = run(List.of("squeue", "-h", "--name=" + name, "-o", "%i"));
        return out.isBlank() ? List.of() : List.of(out.trim().split("\\s+"));
    }

    void restartController() {
        run(List.of("bash", SCRIPTS.resolve("restart-slurmctld.sh").toString()));
    }

    private String run(List<String> command) {
        List<String> full = new ArrayList<>(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("SLURM_CONF", env.get("SLURM_CONF"));
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(command + " could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
