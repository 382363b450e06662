package io.vantage.cloud.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Files that only their owner may read. Permissions are given at creation, never fixed afterwards, so a secret is not
 * world-readable even for a moment. The portal writes only into folders it owns: never into an instance user's home,
 * where the user could swap a file for a link between the portal's checks and its writes.
 */
final class SecureFiles {

    static final String PRIVATE = "rwx------";
    /** Others may pass through to a known name but not list: how instance users reach their homes. */
    static final String TRAVERSABLE = "rwx--x--x";

    private SecureFiles() {
    }

    /** Creates the folder (and missing parents) as {@code rwx------}; an existing folder keeps its permissions. */
    static Path directory(Path directory) {
        return directory(directory, PRIVATE);
    }

    /** Creates the folder and missing parents with these permissions; an existing folder keeps its own. */
    static Path directory(Path directory, String permissions) {
        try {
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                directory(parent, permissions);
            }
            Files.createDirectory(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
            if (!permissions.equals(PRIVATE)) {
                // the umask may have taken away the traversal bits that were asked for
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(permissions));
            }
        } catch (FileAlreadyExistsException e) {
            // fine: created earlier or concurrently
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** Sets the permissions of a file or folder the portal owns (umask plays no part, unlike at creation). */
    static void permissions(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the path (not what a link points to) to the user and group. */
    static void owner(Path path, int uid, int gid) {
        try {
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #owner} for everything under the folder, links not followed; only while none of the user's runs. A file
     * with several hard links is skipped: its other name may be anywhere, {@code /etc/shadow} included.
     */
    static void ownerOfTree(Path directory, int uid, int gid) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        || (Integer) Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS) == 1) {
                    owner(path, uid, gid);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the file atomically with content readable by the owner only ({@code rw-------}). */
    static void write(Path file, byte[] content) {
        write(file, content, null);
    }

    /**
     * {@link #write(Path, byte[])} with the file given to the instance user before it takes the final name, so it
     * is never readable by anyone else. The folder must belong to the portal.
     */
    static void write(Path file, byte[] content, InstanceUser owner) {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, content);
            if (owner != null) {
                owner(temporary, owner.uid(), owner.gid());
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the folder and everything under it, without following links; a folder already gone is fine. */
    static void deleteTree(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(SecureFiles::deleteQuietly);
        } catch (NoSuchFileException e) {
            // removed concurrently
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
