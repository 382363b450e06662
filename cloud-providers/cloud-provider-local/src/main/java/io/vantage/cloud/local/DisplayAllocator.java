package io.vantage.cloud.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Free X display numbers. A display is taken when its socket ({@code /tmp/.X11-unix/XN}) or lock file
 * ({@code /tmp/.XN-lock}) exists, or when a launch in this JVM holds it until its X server (Xvnc) has made those files.
 * An X server elsewhere (another network namespace) can still hold a number: the desktop launcher then retries.
 */
final class DisplayAllocator {

    private static final int RANGE = 1000;
    private static final Set<Integer> RESERVED = new HashSet<>();

    private DisplayAllocator() {
    }

    static synchronized int reserve(int first, Set<Integer> exclude) {
        for (int display = first; display < first + RANGE; display++) {
            if (!exclude.contains(display) && !RESERVED.contains(display) && !Files.exists(socket(display))
                    && !Files.exists(lockFile(display))) {
                RESERVED.add(display);
                return display;
            }
        }
        throw new IllegalStateException("no free X display between :" + first + " and :" + (first + RANGE - 1));
    }

    static synchronized void release(int display) {
        RESERVED.remove(display);
    }

    /**
     * Makes {@code /tmp/.X11-unix} as root with the sticky bit, before any instance user's X server could make it
     * and own the folder where every display's socket lives.
     */
    static void ensureSocketFolder() {
        Path folder = Path.of("/tmp/.X11-unix");
        if (Files.isDirectory(folder) || !LocalPackages.runningAsRoot()) {
            return;
        }
        try {
            Files.createDirectory(folder);
            Files.setAttribute(folder, "unix:mode", 01777);
        } catch (FileAlreadyExistsException e) {
            // made concurrently
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path socket(int display) {
        return Path.of("/tmp/.X11-unix", "X" + display);
    }

    static Path lockFile(int display) {
        return Path.of("/tmp", ".X" + display + "-lock");
    }
}
