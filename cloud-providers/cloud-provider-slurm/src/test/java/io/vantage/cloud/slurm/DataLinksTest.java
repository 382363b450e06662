package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.ProviderContext;

/** The experiments' data of a job: node paths linked under ~/data by the script, other kinds refused by name. */
class DataLinksTest {

    @TempDir
    Path dir;

    private static JobSpec job(List<DataMount> mounts) {
        SlurmSettings settings = new TestSettings().build();
        CreateInstanceRequest plain = Requests.of("d-1", "notebook", "small");
        CreateInstanceRequest request = new CreateInstanceRequest(plain.name(), plain.imageId(), plain.flavourId(),
                List.of(), List.of(), plain.metadata(), null, mounts);
        return new JobFactory(settings).job(request, settings.images().get("notebook"),
                settings.flavours().get("small"));
    }

    private static DataMount local(String target, String path, boolean readOnly) {
        return new DataMount(target, DataMount.Kind.LOCAL, path, readOnly, null, null);
    }

    @Test
    void nodePathsTravelInTheEnvironmentAndAreLinkedBeforeTheServerStarts() {
        JobSpec job = job(List.of(local("EXP-1", "/gpfs/raw/EXP-1", true),
                local("p1-processed", "/gpfs/processed/p1", false)));

        assertThat(job.environment()).containsEntry(DataLinks.VARIABLE,
                "EXP-1\t/gpfs/raw/EXP-1\np1-processed\t/gpfs/processed/p1\n");
        assertThat(job.script()).doesNotContain("/gpfs/");
        int links = job.script().indexOf("# Experiment data");
        assertThat(links).isGreaterThan(job.script().indexOf("unset VANTAGE_SECRET"))
                .isLessThan(job.script().indexOf("jupyter-notebook --no-browser"));
        assertThat(job(List.of()).environment()).containsEntry(DataLinks.VARIABLE, "");
    }

    @Test
    void kindsABatchJobCannotMountAreRefusedByName() {
        DataMount nfs = new DataMount("EXP-2", DataMount.Kind.NFS, "nas:/exports/EXP-2", true, "vers=4.1", null);
        DataMount claim = new DataMount("EXP-3", DataMount.Kind.KUBERNETES_CLAIM, "data:/EXP-3", true, null, null);
        assertThatThrownBy(() -> job(List.of(local("EXP-1", "/gpfs/EXP-1", true), nfs)))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("Data folder EXP-2 (nfs nas:/exports/EXP-2)").hasMessageContaining("kind local");
        assertThatThrownBy(() -> DataLinks.check(List.of(claim)))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("EXP-3 (kubernetes-claim");
    }

    @Test
    void theProviderRefusesBeforeAskingTheClusterAndCannotChangeARunningJobsData() throws Exception {
        TestSettings settings = new TestSettings();
        settings.token = "a.b.c";
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            settings.url = "http://127.0.0.1:" + socket.getLocalPort(); // closed again: any request would fail
        }
        Compute compute = new SlurmProviderFactory().create("hpc", settings.build(),
                new ProviderContext("d-1", null, Duration.ofSeconds(2))).compute();
        CreateInstanceRequest plain = Requests.of("d-1", "notebook", "small");
        DataMount ceph = new DataMount("EXP-9", DataMount.Kind.CEPHFS, "mon1:/raw/EXP-9", true, "name=v", "key");

        assertThatThrownBy(() -> compute.create(new CreateInstanceRequest(plain.name(), "notebook", "small",
                List.of(), List.of(), plain.metadata(), null, List.of(ceph))))
                .as("refused by name, not a transient failure to reach slurmrestd")
                .isInstanceOf(CloudPermanentException.class).hasMessageStartingWith("Data folder EXP-9 (cephfs");
        assertThat(compute.applyDataMounts("42", List.of(local("EXP-1", "/gpfs/EXP-1", true))))
                .isEqualTo(DataAttachment.UNSUPPORTED);
    }

    @Test
    void theScriptLinksEachPathLiterallyWhateverItContains() throws Exception {
        Path pwned = dir.resolve("pwned");
        List<String> hostile = List.of(
                dir + "/$(touch " + pwned + ")",
                dir + "/a'; touch " + pwned + "; '",
                dir + "/`touch " + pwned + "` \"quoted\" \\back *",
                dir + "/ leading and trailing ");
        for (String path : hostile) {
            Files.createDirectories(Path.of(path));
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("data/kept"));
        JobSpec job = job(List.of(local("EXP-1", hostile.get(0), true), local("EXP-2", hostile.get(1), true),
                local("EXP-3", hostile.get(2), true), local("EXP_4", hostile.get(3), false),
                local("kept", dir + "/elsewhere", true), local("missing", dir + "/missing", true)));

        String stderr = runDataSection(job, home);

        for (int i = 0; i < 4; i++) {
            Path link = home.resolve("data/" + (i == 3 ? "EXP_4" : "EXP-" + (i + 1)));
            assertThat(Files.isSymbolicLink(link)).as(link.toString()).isTrue();
            assertThat(Files.readSymbolicLink(link).toString()).isEqualTo(hostile.get(i));
        }
        assertThat(pwned).doesNotExist();
        assertThat(Files.isSymbolicLink(home.resolve("data/kept"))).as("a real folder is left alone").isFalse();
        assertThat(stderr).contains("data folder kept left as it is")
                .contains("cannot read " + dir + "/missing (data folder missing)");
        assertThat(Files.isSymbolicLink(home.resolve("data/missing"))).as("linked, the file system decides").isTrue();
    }

    /** Runs the script's data section with bash, as the job would, in an empty environment but for the job's. */
    private String runDataSection(JobSpec job, Path home) throws IOException, InterruptedException {
        String script = job.script();
        String section = script.substring(script.indexOf("# Experiment data"),
                script.indexOf("# end of experiment data"));
        Path file = dir.resolve("data-section.sh");
        Files.writeString(file, "set -u\nvantage_fail() { echo \"FAIL $*\" >&2; exit 1; }\n" + section);
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", file.toString()).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", SlurmSettings.DEFAULT_PATH);
        builder.environment().put("HOME", home.toString());
        builder.environment().put(DataLinks.VARIABLE, job.environment().get(DataLinks.VARIABLE));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();
        return stderr;
    }
}
