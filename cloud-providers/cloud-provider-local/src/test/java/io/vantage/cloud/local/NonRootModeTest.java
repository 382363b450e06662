package io.vantage.cloud.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portal that is not root cannot create users. Played for real: the provider runs in a JVM of the unprivileged
 * {@code nobody} user, started from this (root) test with {@code setpriv}. It warns once, in one line, what is
 * weaker (through {@code warnings()}, which the portal logs and shows in the admin console), refuses an explicit {@code isolation: users}, and still launches notebooks, as its own user.
 */
class NonRootModeTest {

    @TempDir
    Path temp;

    private Process child;
    private Path workDir;

    @Test
    void warnsWhatIsWeakerRefusesUsersAndStillLaunches() throws Exception {
        RootOnly.require("becoming an unprivileged user needs root");
        UserAccounts.Account nobody = UserAccounts.lookup("nobody").orElseThrow();
        SecureFiles.permissions(temp, SecureFiles.TRAVERSABLE);
        Path classpath = readableClasspath(temp.resolve("classpath"));
        workDir = Files.createDirectory(temp.resolve("work"));
        SecureFiles.owner(workDir, nobody.uid(), nobody.gid());
        String secret = LocalProviderTestSupport.newSecret();

        child = new ProcessBuilder(List.of(new Executables("/usr/bin:/bin").require("setpriv"),
                "--reuid=" + nobody.uid(), "--regid=" + nobody.gid(), "--clear-groups", "--",
                ProcessHandle.current().info().command().orElseThrow(), "-cp", classpath + "/*:" + classpath
                        + "/classes:" + classpath + "/test-classes", NonRootProvider.class.getName(),
                workDir.resolve("local").toString(), secret))
                .redirectErrorStream(true).directory(temp.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add), "non-root-output");
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        String state = next(lines, seen, "STATE ");

        assertThat(state).as(String.join("\n", seen)).startsWith("STATE RUNNING ");
        assertThat(seen).filteredOn(line -> line.contains("USERS-REFUSED")).singleElement().asString()
                .contains("setting isolation is users").contains("not run as root");
        assertThat(seen).as("said once, by the portal, which logs the provider's warnings")
                .noneMatch(line -> line.contains(" WARN ") && line.contains("NOT isolated"));
        assertThat(seen).filteredOn(line -> line.startsWith("WARNING ")).singleElement().asString()
                .contains("Local provider 'demo': instances are NOT isolated")
                .contains("runs as the portal's own user 'nobody'")
                .contains("can read the others' files and secrets and the portal's data directory");
        String computeId = state.split(" ")[2];
        InstanceRecord record = new InstanceStore(workDir.resolve("local")).load(computeId).orElseThrow();
        assertThat(record.user()).isNull();
        assertThat(record.processes()).isNotEmpty().allSatisfy(process ->
                assertThat(LocalProviderTestSupport.uids(process.pid())).containsOnly(nobody.uid()));
        assertThat(Files.readString(Path.of("/proc", Long.toString(record.processes().get(0).pid()), "cmdline")))
                .doesNotContain("--allow-root");

        try (OutputStream in = child.getOutputStream()) {
            in.write('\n');
        }
        assertThat(next(lines, seen, "DELETED ")).isEqualTo("DELETED true");
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(record.processes()).noneMatch(ProcessTree::isAlive);
    }

    private static String next(BlockingQueue<String> lines, List<String> seen, String prefix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line starting with " + prefix + " in:\n" + String.join("\n", seen));
    }

    /** The child's classes and jars copied where nobody may read them (the Maven repository may sit in /root). */
    private static Path readableClasspath(Path target) throws Exception {
        Files.createDirectories(target);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            String name = source.getFileName().toString();
            if (Files.isDirectory(source)) {
                copyTree(source, target.resolve(name));
            } else if (Stream.of("cloud-provider-api", "slf4j-api", "logback").anyMatch(name::startsWith)) {
                Files.copy(source, target.resolve(name));
            }
        }
        try (Stream<Path> all = Files.walk(target)) {
            for (Path path : all.toList()) {
                SecureFiles.permissions(path, Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--");
            }
        }
        return target;
    }

    private static void copyTree(Path source, Path target) throws Exception {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path path : all.toList()) {
                Files.copy(path, target.resolve(source.relativize(path).toString()));
            }
        }
    }

    @AfterEach
    void endEverything() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        if (workDir != null) {
            new InstanceStore(workDir.resolve("local")).all()
                    .forEach(record -> ProcessTree.terminate(record.processes(), Duration.ofSeconds(2)));
        }
    }
}
