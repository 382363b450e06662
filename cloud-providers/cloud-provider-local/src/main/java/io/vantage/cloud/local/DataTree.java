package io.vantage.cloud.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a read-only data tree to its group: folders {@code r-x} with setgid (new files keep the group), files
 * {@code r--} ({@code r-x} when their owner may run them), nothing for others, owners and their bits untouched.
 * Links are neither followed nor changed, and a file with several hard links is skipped: a link in data could
 * otherwise make the root portal open {@code /etc/shadow}. Folders that are another data folder (a proposal's area
 * inside an experiment's folder) keep their own group: those of the same instance, and any folder that already has
 * another of the portal's data groups, opened for another instance's data. Taking it over would let this folder's
 * group read the other's data and take writing away from its own team. The folders on the way to it (already
 * opened, from this root down) keep {@code --x} for others, so that the other folder's team can still pass through
 * them to it: they cannot list them, and everything else in them stays their group's alone.
 */
final class DataTree {

    private static final Logger log = LoggerFactory.getLogger(DataTree.class);

    private DataTree() {
    }

    static void open(Path root, int gid, Set<Path> otherFolders) {
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                                throws IOException {
                            if (!dir.equals(root) && (otherFolders.contains(dir) || anotherDataGroup(dir, gid))) {
                                letThrough(root, dir);
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            DataFolders.setGroupAndMode(dir, gid, 02050);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                            if (attributes.isRegularFile()
                                    && (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS) == 1) {
                                int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                                DataFolders.setGroupAndMode(file, gid, 0040 | ((mode & 0100) == 0 ? 0 : 0010));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Others may pass (not list) the folders from {@code root} down to {@code nested}'s parent. */
    private static void letThrough(Path root, Path nested) throws IOException {
        for (Path folder = nested.getParent(); folder != null && folder.startsWith(root); folder = folder.getParent()) {
            othersMayPass(folder);
        }
    }

    private static void othersMayPass(Path folder) throws IOException {
        int mode = (Integer) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(folder, "unix:mode", (mode & 07777) | 0001, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Others may pass (not list) the folders above {@code folder} that the provider opened as another data folder's
     * (a proposal's area given after the experiment's folder around it was opened); the facility's own folders above
     * are left as they are.
     */
    static void letThroughOpenedAncestors(Path folder) {
        try {
            for (Path above = folder.toAbsolutePath().normalize().getParent(); above != null
                    && Files.isDirectory(above, LinkOption.NOFOLLOW_LINKS); above = above.getParent()) {
                if (!DataGroups.isDataGroup(groupOf(above))) {
                    return;
                }
                othersMayPass(above);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the folder belongs to one of the portal's data groups other than {@code gid}. */
    private static boolean anotherDataGroup(Path dir, int gid) throws IOException {
        if ((Integer) Files.getAttribute(dir, "unix:gid", LinkOption.NOFOLLOW_LINKS) == gid) {
            return false;
        }
        String group = groupOf(dir);
        if (DataGroups.isDataGroup(group)) {
            log.info("Data folder {} left as it is: it is another data folder's (group {})", dir, group);
            return true;
        }
        return false;
    }

    private static String groupOf(Path path) throws IOException {
        return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).group().getName();
    }
}
