package io.vantage.web.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the reference image's boot scripts ({@code cloud-providers/cloud-provider-openstack/packer/files}) on this
 * machine, moved to a temporary root through the variables the scripts document, and stops what they started by PID.
 */
public final class ImageScripts implements AutoCloseable {

    private static final Path SOURCE = Path.of("..", "cloud-providers", "cloud-provider-openstack", "packer", "files")
            .toAbsolutePath().normalize();
    /**
     * The scripts, copied where any user may read them: some run as an unprivileged user, who cannot reach a
     * checkout inside a private folder (a clone under {@code mktemp -d} is 0700).
     */
    public static final Path FILES = readableCopy();

    final Path root;
    final Path etc;
    final Path home;
    private final List<Process> started = new ArrayList<>();

    ImageScripts(Path root) throws IOException {
        this.root = root;
        this.etc = root.resolve("etc/vantage");
        this.home = Files.createDirectories(root.resolve("home/vantage"));
    }

    private static Path readableCopy() {
        try {
            Path copy = Files.createTempDirectory("vantage-image-files-");
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> files = Files.list(SOURCE)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> files = Files.list(copy)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // a temporary folder left behind is harmless
                }
            }));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The user to run the image's servers as ({@link #start}): nobody when this is root (Jupyter and the file service
     * refuse root, as the image never runs them so), who then owns the home; null (this process) otherwise.
     */
    String asUnprivileged() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return null;
        }
        run(List.of("chown", "-R", "65534:65534", home.toString()), Map.of());
        run(List.of("chmod", "755", root.toString(), root.resolve("home").toString()), Map.of());
        return "65534";
    }

    /** A port nothing listens on now (for a server the test starts). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs a script to its end; returns its output, failing with it when the script fails. */
    static String run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + output);
        }
        return output;
    }

    /** vantage-configure, reading the metadata from a file instead of cloud-init. */
    String configure(Path metadata) throws Exception {
        return run(List.of(FILES.resolve("vantage-configure").toString()), Map.of("VANTAGE_METADATA",
                metadata.toString(), "VANTAGE_ETC", etc.toString(), "VANTAGE_HOME", home.toString(),
                "VANTAGE_USER", "vantage-contract-test-nobody", "VANTAGE_LIB", FILES.toString()));
    }

    /**
     * Starts a long-running script the way its systemd unit does: the unit's EnvironmentFile loaded, then the script,
     * as {@code user} (null: as this process) so that servers refusing root run as they would on the image.
     */
    Process start(String script, String environmentFile, Map<String, String> environment, String user, Path log)
            throws IOException {
        String drop = user == null ? "" : "setpriv --reuid=" + user + " --regid=" + user + " --clear-groups ";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -a; . '" + etc.resolve(environmentFile)
                + "'; set +a; exec " + drop + "env HOME='" + home + "' '" + FILES.resolve(script) + "'")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Starts a script of the image directly (a long-running one that needs no environment file), as this process. */
    Process startScript(String script, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(FILES.resolve(script).toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Stops every process started, children first (the desktop's session outlives its VNC server otherwise). */
    @Override
    public void close() {
        for (Process process : started) {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.forEach(ProcessHandle::destroy);
            process.destroy();
            tree.add(process.toHandle());
            for (ProcessHandle handle : tree) {
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
    }
}
