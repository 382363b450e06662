package io.vantage.cloud.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.DataMount;

/**
 * An instance's experiment data: folders of this machine shown under {@code ~/data/<target>}, opened by the operating
 * system to the instance's user alone. Each folder gets a group of its own ({@link DataGroups}); raw data is
 * {@code r-x} for that group, a proposal's area {@code rwx} with setgid (so what one instance writes, the team's
 * other instances read), others get nothing; the instance user gets exactly the groups of its folders. Another
 * experiment's folder stays closed whatever path leads to it ({@code ..}, links): the kernel checks the folder.
 * <p>
 * The links live in {@code instances/<id>/data/}, the portal's folder (the user only reads it), and {@code ~/data}
 * points there: the portal never writes inside a folder the user could swap for a link, except that one link in
 * the home, made atomically without following anything.
 */
final class DataFolders {

    private static final Logger log = LoggerFactory.getLogger(DataFolders.class);
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private final boolean users;
    private final DataGroups groups;

    DataFolders(boolean users, DataGroups groups) {
        this.users = users;
        this.groups = groups;
    }

    /** @throws CloudPermanentException naming the first mount this provider cannot make */
    static void check(List<DataMount> mounts) {
        for (DataMount mount : mounts) {
            if (mount.kind() != DataMount.Kind.LOCAL) {
                throw new CloudPermanentException("Data folder " + mount.target() + ": the local provider shows "
                        + "folders of this machine only (kind local), not " + mount.kind().name().toLowerCase()
                        + " " + mount.source() + "; give this cloud a data store of kind local");
            }
        }
    }

    /** One instance's data is changed by one thread at a time: a launch and a new experiment never interleave. */
    static Object lock(String computeId) {
        return LOCKS.computeIfAbsent(computeId, id -> new Object());
    }

    /**
     * Opens the folders to the user and lays the links, before any of its processes starts (and again when the list
     * changes). Answers whether the user's groups changed: running processes keep the groups they started with.
     */
    boolean apply(InstancePaths paths, InstanceUser user, List<DataMount> mounts) {
        boolean changed = false;
        if (users && user != null) {
            List<String> names = new ArrayList<>();
            for (DataMount mount : mounts) {
                names.add(open(mount, mounts));
            }
            changed = !Set.copyOf(names).equals(DataGroups.groupsOf(user.name()));
            groups.setGroupsOf(user, names);
        }
        links(paths, user, mounts);
        return changed;
    }

    /** Gives the folder its group and modes; answers the group's name. */
    private String open(DataMount mount, List<DataMount> all) {
        Path folder = Path.of(mount.source());
        DataTree.letThroughOpenedAncestors(folder);
        InstanceIsolation.blockedAncestor(folder.getParent()).ifPresent(blocked -> {
            throw new CloudPermanentException("Data folder " + mount.target() + " (" + folder + ") cannot be "
                    + "reached by instance users: " + blocked + " does not let other users through (chmod o+x "
                    + blocked + ")");
        });
        String name = DataGroups.nameFor(mount.target(), folder);
        int gid = groups.ensure(name);
        if (!mount.readOnly()) {
            SecureFiles.directory(folder, "rwx--x--x");
            setGroupAndMode(folder, gid, 02070);
        } else if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Set<Path> others = new java.util.HashSet<>();
            all.stream().filter(other -> other != mount).forEach(other -> others.add(Path.of(other.source())));
            DataTree.open(folder, gid, others);
        } else {
            log.warn("Data folder {} ({}) does not exist yet: its link is there but shows nothing", mount.target(),
                    folder);
        }
        return name;
    }

    /** Owner bits kept, group bits {@code extra}, nothing for others; links are never followed. */
    static void setGroupAndMode(Path path, int gid, int groupBits) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:mode", (mode & 0700) | groupBits, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code instances/<id>/data/<target>} for each folder, nothing else there, and {@code ~/data} pointing at it. */
    private static void links(InstancePaths paths, InstanceUser user, List<DataMount> mounts) {
        Path linkFolder = paths.data();
        SecureFiles.directory(linkFolder);
        if (user != null) {
            SecureFiles.owner(linkFolder, 0, user.gid());
            SecureFiles.permissions(linkFolder, "rwxr-x---");
        }
        Map<String, Path> wanted = new LinkedHashMap<>();
        mounts.forEach(mount -> wanted.put(mount.target(), Path.of(mount.source())));
        try (Stream<Path> existing = Files.list(linkFolder)) {
            for (Path link : existing.toList()) {
                if (!wanted.containsKey(link.getFileName().toString())) {
                    Files.delete(link);
                }
            }
            for (Map.Entry<String, Path> entry : wanted.entrySet()) {
                Path link = linkFolder.resolve(entry.getKey());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        homeLink(paths, user);
    }

    /**
     * {@code ~/data -> ../data}. The home is the user's: an existing link is replaced (unlinking and creating a link
     * follow nothing, and the home itself cannot be swapped: its parent is the portal's), a folder or file the user
     * made there is left alone.
     */
    private static void homeLink(InstancePaths paths, InstanceUser user) {
        Path link = paths.home().resolve("data");
        try {
            if (Files.isSymbolicLink(link)) {
                Files.delete(link);
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                log.warn("{} is not the data link but the user's own; the data is in {}", link, paths.data());
                return;
            }
            Files.createSymbolicLink(link, Path.of("..", "data"));
            if (user != null) {
                SecureFiles.owner(link, user.uid(), user.gid());
            }
        } catch (FileAlreadyExistsException e) {
            log.warn("{} appeared while the data link was made; left as it is", link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
