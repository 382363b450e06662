package io.vantage.cloud.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Everything an instance user left running or lying around. User code can leave its session ({@code setsid}, a
 * double fork), so ending an instance's process families is not enough: whatever still runs with its uid is killed
 * with {@code kill(-1)} sent as that user, which the kernel delivers to all of the user's processes in one pass, so
 * a process forking in a loop cannot outrun it.
 */
final class UserProcesses {

    private static final Logger log = LoggerFactory.getLogger(UserProcesses.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    /** Where any user may write: a later account that reuses the uid must not inherit these files. */
    private static final List<Path> SHARED_TEMP = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"),
            Path.of("/tmp/.X11-unix"), Path.of("/tmp/.ICE-unix"));

    private UserProcesses() {
    }

    /** Pids whose real, effective or saved uid is the user's. */
    static List<Long> of(int uid) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                if (runsAs(entry, uid)) {
                    pids.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            log.debug("Cannot list /proc: {}", e.toString());
        }
        return pids;
    }

    /** The {@code Uid:} line of /proc/PID/status: real, effective, saved, filesystem; zombies do not count. */
    static boolean runsAs(Path procEntry, int uid) {
        try {
            String uidText = Integer.toString(uid);
            boolean zombie = false;
            boolean match = false;
            for (String line : Files.readAllLines(procEntry.resolve("status"))) {
                if (line.startsWith("State:")) {
                    zombie = line.contains("Z") || line.contains("X (dead)");
                } else if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    match = ids[0].equals(uidText) || ids[1].equals(uidText) || ids[2].equals(uidText);
                }
            }
            return match && !zombie;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** SIGKILL to every process of the user, repeated until none is left or {@link #KILL_WAIT} has passed. */
    static void killAll(InstanceUser user, String setpriv) {
        if (of(user.uid()).isEmpty()) {
            return;
        }
        List<String> command = List.of(setpriv, "--reuid=" + user.uid(), "--regid=" + user.gid(), "--clear-groups",
                "--", "/bin/sh", "-c", "kill -KILL -1");
        boolean gone = Waits.untilQuietly(() -> {
            run(command);
            return of(user.uid()).isEmpty();
        }, KILL_WAIT);
        if (!gone) {
            log.warn("Processes {} of {} survived SIGKILL", of(user.uid()), user.name());
        }
    }

    /** Removes what the user owns at the top of the shared temporary folders (X locks, sockets, scratch files). */
    static void removeTemporaryFiles(int uid) {
        for (Path folder : SHARED_TEMP) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (ownedBy(entry, uid)) {
                        SecureFiles.deleteTree(entry);
                    }
                }
            } catch (NoSuchFileException e) {
                // no such folder on this machine
            } catch (IOException | RuntimeException e) {
                log.warn("Could not clean {} of uid {}: {}", folder, uid, e.toString());
            }
        }
    }

    private static boolean ownedBy(Path path, int uid) {
        try {
            return Integer.valueOf(uid).equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // it runs as the user for a moment: the portal's variables must not be readable in its /proc/PID/environ
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/bin:/bin");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            log.warn("Could not run {}: {}", command.get(0), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
