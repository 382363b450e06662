package io.vantage.web.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.vantage.web.image.ImageScripts;

/**
 * The one-node test cluster {@code .ci/slurm/start.sh} runs, as {@link SlurmPortalIT} uses it: where its slurmrestd
 * and tokens are ({@code $VANTAGE_SLURM_DIR/slurm.env}), and Slurm's own command line for what happens outside the
 * portal (another person's job filling the node, what {@code squeue} says). Fails with what to do when it is not there.
 */
final class TestCluster {

    static final Path DIR = Path.of(System.getenv().getOrDefault("VANTAGE_SLURM_DIR", "/var/tmp/vantage-slurm"));

    private final Map<String, String> env;

    private TestCluster(Map<String, String> env) {
        this.env = env;
    }

    static TestCluster require() throws IOException {
        Path file = DIR.resolve("slurm.env");
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("No " + file + ": start the test cluster with .ci/slurm/start.sh (root or "
                    + "password-less sudo), or run mvn -Pslurm verify, which starts it");
        }
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                env.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new TestCluster(env);
    }

    String env(String name) {
        return env.get(name);
    }

    /** A cloud of type slurm on the cluster; {@code jobUser} null: each owner's own account (the default). */
    void provider(DynamicPropertyRegistry registry, String name, String userName, String tokenFile, String jobUser) {
        String settings = "vantage.cloud.providers." + name + ".settings.";
        registry.add("vantage.cloud.providers." + name + ".type", () -> "slurm");
        registry.add(settings + "url", () -> env.get("VANTAGE_SLURM_URL"));
        registry.add(settings + "user-name", () -> userName);
        registry.add(settings + "token-file", () -> tokenFile);
        if (jobUser != null) {
            registry.add(settings + "job-user", () -> jobUser);
        }
        registry.add(settings + "work-dir", () -> env.get("VANTAGE_SLURM_WORK_DIR"));
        registry.add(settings + "bind-address", () -> "127.0.0.1");
        registry.add(settings + "time-limit", () -> "2h");
        registry.add(settings + "images.desktop.kind", () -> "desktop");
        // the reference image's file service on the node, as a facility would install it for its desktops
        registry.add(settings + "images.desktop.environment.PATH",
                () -> ImageScripts.FILES + ":/usr/local/bin:/usr/bin:/bin");
        registry.add(settings + "images.notebook.kind", () -> "notebook");
        registry.add(settings + "flavours.small.cpus", () -> "1");
        registry.add(settings + "flavours.small.memory-mib", () -> "512");
    }

    /** The home of one of the test cluster's accounts (where its jobs' files land). */
    static Path home(String user) throws Exception {
        Process getent = new ProcessBuilder("getent", "passwd", user).redirectErrorStream(true).start();
        String entry = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (getent.waitFor() != 0 || entry.split(":").length < 6) {
            throw new IllegalStateException("no account " + user + ": " + entry);
        }
        return Path.of(entry.split(":")[5]);
    }

    /** A desktop and a notebook image (extended at once when asked) and a small size on that cloud. */
    static void catalogue(JdbcTemplate jdbc, String provider) {
        Long id = jdbc.queryForObject("select id from cloud_providers where name = ?", Long.class, provider);
        for (String[] image : new String[][] {{"desktop", "VNC"}, {"notebook", "JUPYTER"}}) {
            jdbc.update("""
                    insert into images (name, version, description, icon, provider_id, provider_image_id,
                                        default_protocol_id, boot_script, extension_policy)
                    select ?, '1', 'On the Slurm test cluster', 'bi-hdd-network', ?, ?, pr.id, null, 'ALWAYS_AUTO'
                    from protocols pr where pr.name = ?""", provider + " " + image[0], id, image[0], image[1]);
        }
        jdbc.update("""
                insert into image_protocols (image_id, protocol_id)
                select id, default_protocol_id from images where provider_id = ?""", id);
        jdbc.update("""
                insert into image_protocols (image_id, protocol_id)
                select i.id, pr.id from images i, protocols pr
                where i.provider_id = ? and i.provider_image_id = 'desktop' and pr.name = 'FILES'""", id);
        jdbc.update("""
                insert into flavours (name, cpu, memory_mib, gpu, provider_id, provider_flavour_id)
                values (?, 1, 512, 0, ?, 'small')""", provider + " small", id);
        jdbc.update("""
                insert into plans (image_id, flavour_id, preset)
                select i.id, f.id, false from images i join flavours f on f.provider_id = i.provider_id
                where i.provider_id = ?""", id);
    }

    /** Another person's job taking every CPU of the node for ten minutes; returns once it runs. */
    static String blockNode(String user) throws Exception {
        String cpus = require().env("VANTAGE_SLURM_CPUS");
        String job = run("runuser", "-u", user, "--", "sbatch", "--parsable", "--job-name=someone-else",
                "--cpus-per-task=" + cpus, "--mem=256", "--time=10", "--chdir=/tmp", "--output=/dev/null",
                "--wrap=sleep 600");
        assertThat(job).as("sbatch said").matches("\\d+");
        await().atMost(Duration.ofSeconds(60)).until(() -> squeue(job, "%T").equals("RUNNING"));
        return job;
    }

    static void cancel(String job) {
        run("scancel", job);
    }

    /** {@code squeue -o format} of one job; empty once Slurm has forgotten it. */
    static String squeue(String job, String format) {
        return run("squeue", "-h", "-j", job, "-o", format);
    }

    /** When Slurm will end the job (its start plus its time limit); null when it does not say. */
    static Instant end(String job) {
        String end = squeue(job, "%e");
        return end.matches("\\d{4}-.*") ? LocalDateTime.parse(end).atZone(ZoneId.systemDefault()).toInstant() : null;
    }

    private static String run(String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("SLURM_CONF", DIR.resolve("etc/slurm.conf").toString());
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
