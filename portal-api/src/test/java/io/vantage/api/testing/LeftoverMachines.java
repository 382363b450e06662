package io.vantage.api.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * When the test run ends, stops the desktops and notebooks the tests' local provider started and are still running
 * (the local provider leaves its machines running when a portal stops, as a cloud would) and removes the run's
 * folders. Only processes whose command line names an instance folder under this JVM's {@link TestWorkDirs#ROOT}
 * are touched (openbox, which names none, ends with its X server), and only users whose home is there.
 */
public final class LeftoverMachines implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String instances = TestWorkDirs.ROOT.toString() + "/";
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> isMachine(line, instances)).orElse(false))
                .toList();
        leftovers.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : leftovers) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        if (!leftovers.isEmpty()) {
            System.out.println("Stopped " + leftovers.size() + " process(es) the tests' local provider left running");
        }
        removeInstanceUsers(TestWorkDirs.ROOT.toString() + "/");
        removeDataGroups(TestWorkDirs.ROOT);
        deleteQuietly(TestWorkDirs.ROOT);
    }

    /**
     * The Unix users a root local provider made for instances it did not delete: those whose home is in this run's
     * folders. Whatever they still run is killed first (userdel refuses otherwise).
     */
    static void removeInstanceUsers(String root) {
        List<String[]> users;
        try {
            users = Files.readAllLines(Path.of("/etc/passwd")).stream().map(line -> line.split(":", -1))
                    .filter(fields -> fields.length >= 6 && fields[5].startsWith(root)).toList();
        } catch (IOException e) {
            return;
        }
        for (String[] user : users) {
            List<ProcessHandle> running = ProcessHandle.allProcesses()
                    .filter(process -> process.info().user().map(user[0]::equals).orElse(false)).toList();
            running.forEach(ProcessHandle::destroyForcibly);
            running.forEach(process -> process.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join());
            run(Files.isExecutable(Path.of("/usr/sbin/userdel")) ? "/usr/sbin/userdel" : "userdel", user[0]);
        }
        if (!users.isEmpty()) {
            System.out.println("Removed " + users.size() + " instance user(s) the tests' local provider left behind");
        }
    }

    /**
     * The groups a root local provider made for the data folders of this run (kept by the provider, as their files
     * carry the gid): {@code vd-} groups that own something under the run's folders.
     */
    static void removeDataGroups(Path root) {
        java.util.Set<Integer> gids = new java.util.HashSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.forEach(path -> {
                    try {
                        gids.add((Integer) Files.getAttribute(path, "unix:gid", java.nio.file.LinkOption.NOFOLLOW_LINKS));
                    } catch (IOException | RuntimeException e) {
                        // gone meanwhile
                    }
                });
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
        List<String> groups;
        try {
            groups = Files.readAllLines(Path.of("/etc/group")).stream().map(line -> line.split(":", -1))
                    .filter(fields -> fields.length >= 3 && fields[0].startsWith("vd-")
                            && gids.contains(Integer.parseInt(fields[2])))
                    .map(fields -> fields[0]).toList();
        } catch (IOException e) {
            return;
        }
        groups.forEach(group -> run(Files.isExecutable(Path.of("/usr/sbin/groupdel")) ? "/usr/sbin/groupdel" : "groupdel",
                group));
        if (!groups.isEmpty()) {
            System.out.println("Removed " + groups.size() + " data group(s) the tests' local provider made");
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.out.println("Could not run " + command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Xvnc, Jupyter and its kernels all name a file in their instance's folder on the command line. */
    static boolean isMachine(String commandLine, String root) {
        int at = commandLine.indexOf(root);
        return at >= 0 && commandLine.indexOf("/instances/", at) > at;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
