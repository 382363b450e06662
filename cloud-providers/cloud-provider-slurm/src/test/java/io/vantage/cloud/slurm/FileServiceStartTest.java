package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop job's start of the image's file service ({@code desktop.sh}), run with bash as the job runs it, with a
 * {@code vantage-files} on the PATH that behaves as the real one does when its random port is taken (it exits), when
 * it starts (it listens), or when it hangs. The job's functions are the real ones from {@code job-common.sh}.
 */
class FileServiceStartTest {

    private static final Pattern REPORTED = Pattern.compile("^PORTS=5901:1,5981:(\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void aTakenPortIsRetriedOnAnotherAndTheServiceIsReported() throws Exception {
        Result result = run("""
                n=$(( $(cat "$COUNT" 2>/dev/null || echo 0) + 1 )); echo $n >"$COUNT"
                if [ $n -lt 3 ]; then echo "OSError: [Errno 98] Address already in use" >&2; exit 1; fi
                echo "$VANTAGE_FILES_PORT" >"$COUNT.port"
                exec python3 -c 'import socket,os,time; s=socket.socket(); s.bind((os.environ["VANTAGE_FILES_ADDRESS"], int(os.environ["VANTAGE_FILES_PORT"]))); s.listen(); time.sleep(60)'
                """, 10);

        assertThat(result.attempts()).isEqualTo(3);
        Matcher reported = REPORTED.matcher(result.stdout());
        assertThat(reported.find()).as(result.stdout() + result.stderr()).isTrue();
        assertThat(reported.group(1)).isEqualTo(Files.readString(dir.resolve("count.port")).trim());
        assertThat(result.stderr()).doesNotContain("no file transfer");
    }

    @Test
    void aServiceThatNeverStartsIsTriedThreeTimesAndTheDesktopRunsWithoutIt() throws Exception {
        Result result = run("""
                n=$(( $(cat "$COUNT" 2>/dev/null || echo 0) + 1 )); echo $n >"$COUNT"
                echo "OSError: [Errno 98] Address already in use" >&2; exit 1
                """, 10);

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.stdout()).contains("PORTS=5901:1\n");
        assertThat(result.stderr()).contains("no file transfer, the file service did not start")
                .contains("Address already in use");
    }

    @Test
    void aServiceThatHangsIsStoppedAndNotTriedAgain() throws Exception {
        Result result = run("""
                n=$(( $(cat "$COUNT" 2>/dev/null || echo 0) + 1 )); echo $n >"$COUNT"
                echo $$ >"$COUNT.pid"
                exec sleep 60
                """, 2);

        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.stdout()).contains("PORTS=5901:1\n");
        assertThat(result.stderr()).contains("no file transfer");
        long pid = Long.parseLong(Files.readString(dir.resolve("count.pid")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the hung service").isFalse();
    }

    record Result(int attempts, String stdout, String stderr) {
    }

    /** Runs the file service's part of desktop.sh with {@code fake} as vantage-files. */
    private Result run(String fake, int startTimeoutSeconds) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path program = bin.resolve("vantage-files");
        Files.writeString(program, "#!/bin/bash\n" + fake);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        String common = resource("job-common.sh");
        String functions = common.substring(common.indexOf("vantage_wait() {"),
                common.indexOf("mkdir -p \"$work\""));
        String desktop = resource("desktop.sh");
        String section = desktop.substring(desktop.indexOf("# The image contract's file service"),
                desktop.indexOf("vantage_report \"vantage-ports=$ports\""));
        Path script = dir.resolve("files-section.sh");
        Files.writeString(script, "set -u\nwork=" + dir + "\npids=()\nports=5901:1\n" + functions + section
                + "echo \"PORTS=$ports\"\nfor pid in \"${pids[@]}\"; do kill \"$pid\" 2>/dev/null; done\ntrue\n");
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString()).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", bin + ":" + SlurmSettings.DEFAULT_PATH);
        builder.environment().put("COUNT", dir.resolve("count").toString());
        builder.environment().put("VANTAGE_BIND", "127.0.0.1");
        builder.environment().put("VANTAGE_CONNECT", "127.0.0.1");
        builder.environment().put("VANTAGE_START_TIMEOUT", Integer.toString(startTimeoutSeconds));
        builder.environment().put("VANTAGE_FILES_SERVICE_PORT", "5981");
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();
        Path count = dir.resolve("count");
        return new Result(Files.exists(count) ? Integer.parseInt(Files.readString(count).trim()) : 0, stdout, stderr);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FileServiceStartTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
