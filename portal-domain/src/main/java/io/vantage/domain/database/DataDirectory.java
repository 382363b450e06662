package io.vantage.domain.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder around the embedded database's files ({@code ./.vantage} by default) holds the portal's data: other
 * users may pass through it (the local provider keeps instance homes below it) but never list or change it.
 * PostgreSQL itself keeps its data directory {@code rwx------}.
 */
final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    private static final int READ_WRITE_FOR_OTHERS = 0066;
    private static final int SHARED = 01000 | 0002; // sticky or world-writable: a temporary folder, not ours alone

    private DataDirectory() {
    }

    /**
     * Makes the missing folders above {@code dataDir} {@code rwx--x--x}, and takes reading and writing by others away
     * from an existing parent the portal owns (an earlier version made {@code ./.vantage} readable by everyone).
     */
    static void secure(Path dataDir) {
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            return;
        }
        if (!Files.isDirectory(parent)) {
            create(parent);
            return;
        }
        try {
            int mode = (Integer) Files.getAttribute(parent, "unix:mode") & 07777;
            if (ownedByUs(parent) && (mode & SHARED) == 0 && (mode & READ_WRITE_FOR_OTHERS) != 0) {
                Files.setAttribute(parent, "unix:mode", mode & ~READ_WRITE_FOR_OTHERS);
            }
        } catch (IOException e) {
            log.warn("Could not make {} unreadable to other users: {}", parent, e.toString());
        }
    }

    private static void create(Path folder) {
        Path parent = folder.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            create(parent);
        }
        try {
            Files.createDirectory(folder);
            // set afterwards: the umask would otherwise decide
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (FileAlreadyExistsException e) {
            // made concurrently; its maker set the permissions
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded database's folder " + folder, e);
        }
    }

    private static boolean ownedByUs(Path folder) throws IOException {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(Files.getAttribute(folder, "unix:uid"));
    }
}
