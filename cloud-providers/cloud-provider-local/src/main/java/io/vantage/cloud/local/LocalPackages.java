package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudPermanentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Debian packages local instances need. The portal calls {@link #missing()} and {@link #installIfPossible()} at
 * startup; the provider calls {@link #requireFor} before each launch so a missing program is a clear permanent error
 * instead of a process that dies at once.
 */
public final class LocalPackages {

    private static final Logger log = LoggerFactory.getLogger(LocalPackages.class);

    /** Executable → packages. Fixed names only: nothing from settings or requests ever reaches apt-get. */
    private static final Map<String, List<String>> PACKAGES = new LinkedHashMap<>();

    static {
        PACKAGES.put("setsid", List.of("util-linux"));
        PACKAGES.put("setpriv", List.of("util-linux"));
        PACKAGES.put("Xvnc", List.of("tigervnc-standalone-server"));
        PACKAGES.put("openbox", List.of("openbox"));
        PACKAGES.put("xterm", List.of("xterm"));
        PACKAGES.put("jupyter-notebook", List.of("jupyter-notebook", "python3-ipykernel"));
    }

    /**
     * Installed with the others but never required for a launch: the Python a notebook needs to read and plot
     * experiment data (HDF5/NeXus files), found by the module folder of Debian's python3.
     */
    private static final Map<String, Path> EXTRAS = new LinkedHashMap<>();

    static {
        for (String module : List.of("numpy", "h5py", "matplotlib")) {
            EXTRAS.put("python3-" + module, Path.of("/usr/lib/python3/dist-packages", module));
        }
    }

    private static final long APT_TIMEOUT_MINUTES = 15;

    private final Executables executables;
    private final Executables systemTools;

    LocalPackages(Executables executables, Executables systemTools) {
        this.executables = executables;
        this.systemTools = systemTools;
    }

    /** Looks programs up where the provider with these settings will (its {@code executablePath}). */
    public static LocalPackages of(LocalSettings settings) {
        return new LocalPackages(new Executables(settings.executablePath()), systemTools());
    }

    /** apt-get, sudo, useradd...: the portal's PATH and the system folders, which a non-root PATH often lacks. */
    static Executables systemTools() {
        String path = System.getenv("PATH");
        return new Executables((path == null ? "" : path + ":") + "/usr/sbin:/usr/bin:/sbin:/bin");
    }

    /** Looks programs up on the portal's {@code PATH}. */
    public static LocalPackages onPath() {
        return of(LocalSettings.defaults());
    }

    /** Packages to install before every local image can run; empty when nothing is missing. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>(missingFor(List.copyOf(PACKAGES.keySet())));
        EXTRAS.forEach((name, module) -> {
            if (!Files.isDirectory(module)) {
                missing.add(name);
            }
        });
        return List.copyOf(missing);
    }

    List<String> missingFor(List<String> programs) {
        LinkedHashSet<String> packages = new LinkedHashSet<>();
        programs.stream().filter(program -> executables.find(program).isEmpty())
                .forEach(program -> packages.addAll(PACKAGES.getOrDefault(program, List.of(program))));
        return List.copyOf(packages);
    }

    /** @throws CloudPermanentException naming the packages and the command that installs them */
    void requireFor(String what, List<String> programs) {
        List<String> packages = missingFor(programs);
        if (!packages.isEmpty()) {
            throw new CloudPermanentException("Cannot start a local " + what + ": Debian package(s) "
                    + String.join(", ", packages) + " missing (looked on " + executables.searchPath()
                    + "). Install with: " + installCommand(packages));
        }
    }

    /** The one command a person runs to install these packages. */
    public static String installCommand(List<String> packages) {
        return (runningAsRoot() ? "" : "sudo ") + "apt-get install -y --no-install-recommends "
                + String.join(" ", packages);
    }

    /**
     * Installs the missing packages when this process may (root, or password-less sudo), logging apt-get's output.
     *
     * @return empty when nothing is missing afterwards, otherwise the command a person must run
     */
    public Optional<String> installIfPossible() {
        List<String> packages = missing();
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> aptGet = systemTools.find("apt-get").map(Path::toString);
        List<String> prefix = privilegePrefix();
        if (aptGet.isEmpty() || prefix == null) {
            log.warn("Local instances need Debian packages {}; run: {}", packages, installCommand(packages));
            return Optional.of(installCommand(packages));
        }
        log.info("Installing Debian packages {} for local instances", packages);
        run(concat(prefix, List.of(aptGet.get(), "update", "-q")));
        List<String> install = new ArrayList<>(List.of(aptGet.get(), "install", "-y", "--no-install-recommends"));
        install.addAll(packages);
        run(concat(prefix, install));
        List<String> still = missing();
        if (still.isEmpty()) {
            return Optional.empty();
        }
        log.warn("Debian packages {} are still missing; run: {}", still, installCommand(still));
        return Optional.of(installCommand(still));
    }

    /** Empty for root, {@code sudo -n} when sudo needs no password, null when installing is not possible. */
    private List<String> privilegePrefix() {
        if (runningAsRoot()) {
            return List.of();
        }
        Optional<String> sudo = systemTools.find("sudo").map(Path::toString);
        if (sudo.isPresent() && run(List.of(sudo.get(), "-n", "true")) == 0) {
            return List.of(sudo.get(), "-n");
        }
        return null;
    }

    private static int run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process process = builder.start();
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(line -> log.info("{}: {}", Path.of(command.get(0)).getFileName(), line));
            }
            if (!process.waitFor(APT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            log.warn("Could not run {}: {}", command.get(0), e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the effective user of this process
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
