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
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens a read-only data tree to its group: folders {@code r-x} with setgid (new files keep the group), files
 * {@code r--} ({@code r-x} when their owner may run them), nothing for others, owners and their bits untouched.
 * Links are neither followed nor changed, and a file with several hard links is skipped: a link in data could
 * otherwise make the root portal open {@code /etc/shadow}. Folders that are another data folder of the same
 * instance (a proposal's area inside an experiment's folder) keep their own group.
 */
final class DataTree {

    private DataTree() {
    }

    static void open(Path root, int gid, Set<Path> otherFolders) {
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            if (!dir.equals(root) && otherFolders.contains(dir)) {
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
}
