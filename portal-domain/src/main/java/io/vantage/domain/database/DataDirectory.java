package io.vantage.domain.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The folder around the embedded database's files ({@code ./.vantage} by default) holds the portal's data: other
 * users may pass through it (the local provider keeps instance homes below it) but never list or change it.
 * PostgreSQL itself keeps its data directory {@code rwx------}.
 */
final class DataDirectory {

    private static final Set<PosixFilePermission> FOR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private DataDirectory() {
    }

    /** Makes the missing folders above {@code dataDir} {@code rwx--x--x}; takes reading away from an existing one. */
    static void secure(Path dataDir) {
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            return;
        }
        try {
            if (!Files.isDirectory(parent)) {
                create(parent);
            } else if (ownedByUs(parent)) {
                // a folder made by an earlier version, readable by everyone
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(parent);
                if (permissions.removeAll(FOR_OTHERS)) {
                    Files.setPosixFilePermissions(parent, permissions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded database's folder " + parent, e);
        }
    }

    private static void create(Path folder) throws IOException {
        Path parent = folder.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            create(parent);
        }
        Files.createDirectory(folder);
        // set afterwards: the umask would otherwise decide
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
    }

    private static boolean ownedByUs(Path folder) throws IOException {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(Files.getAttribute(folder, "unix:uid"));
    }
}
