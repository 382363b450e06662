package io.vantage.web;

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
 * are touched (openbox, which names none, ends with its X server).
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
        deleteQuietly(TestWorkDirs.ROOT);
    }

    /** Xvfb, x11vnc, Jupyter and its kernels all name a file in their instance's folder on the command line. */
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
