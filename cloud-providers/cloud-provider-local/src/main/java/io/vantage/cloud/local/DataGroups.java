package io.vantage.cloud.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Unix groups that open data folders: one per folder, {@code vd-<target>-<hash of the folder>}, made with
 * {@code groupadd} the first time a folder is given to an instance and kept (its files carry its gid). An instance
 * user's supplementary groups are set to exactly the groups of its data with {@code usermod -G}, so data it may no
 * longer have is closed at its next launch; {@code setpriv --init-groups} reads them when each process starts.
 */
final class DataGroups {

    private static final Logger log = LoggerFactory.getLogger(DataGroups.class);
    private static final String PREFIX = "vd-";
    private static final int MAX_NAME = 32;

    private final Executables systemTools;

    DataGroups(Executables systemTools) {
        this.systemTools = systemTools;
    }

    /** Whether groups can be made and given: root, with groupadd and usermod. */
    boolean available() {
        return LocalPackages.runningAsRoot() && systemTools.find("groupadd").isPresent()
                && systemTools.find("usermod").isPresent();
    }

    /** Whether {@code name} is one of the portal's data groups (as {@link #nameFor} makes them). */
    static boolean isDataGroup(String name) {
        return name.startsWith(PREFIX);
    }

    /** A name groupadd accepts ({@code [a-z_][a-z0-9_-]*}, at most 32), the same for the same folder and target. */
    static String nameFor(String target, Path folder) {
        String hash = hash(folder.toString());
        String cleaned = target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        int room = MAX_NAME - PREFIX.length() - 1 - hash.length();
        return PREFIX + (cleaned.length() > room ? cleaned.substring(0, room) : cleaned) + "-" + hash;
    }

    /** The gid of the group, made now if it does not exist yet. */
    int ensure(String name) {
        synchronized (UserAccounts.PASSWD) {
            Optional<Integer> existing = gid(name);
            if (existing.isPresent()) {
                return existing.get();
            }
            UserAccounts.run(List.of(require("groupadd"), "--system", name));
            log.info("Created data group {}", name);
            return gid(name).orElseThrow(() -> new IllegalStateException("groupadd succeeded but " + name
                    + " is not in /etc/group"));
        }
    }

    /** Makes {@code groups} the user's supplementary groups, no more and no fewer; nothing when already so. */
    void setGroupsOf(InstanceUser user, Collection<String> groups) {
        synchronized (UserAccounts.PASSWD) {
            Set<String> wanted = new TreeSet<>(groups);
            if (!wanted.equals(groupsOf(user.name()))) {
                UserAccounts.run(List.of(require("usermod"), "-G", String.join(",", wanted), user.name()));
            }
        }
    }

    /** The supplementary groups /etc/group gives the user (its private group is its primary one, not listed). */
    static Set<String> groupsOf(String userName) {
        Set<String> groups = new TreeSet<>();
        for (String[] fields : entries()) {
            if (fields.length >= 4 && List.of(fields[3].split(",")).contains(userName)) {
                groups.add(fields[0]);
            }
        }
        return groups;
    }

    static Optional<Integer> gid(String name) {
        return entries().stream().filter(fields -> fields.length >= 3 && fields[0].equals(name))
                .map(fields -> Integer.parseInt(fields[2])).findFirst();
    }

    private static List<String[]> entries() {
        try {
            return Files.readAllLines(Path.of("/etc/group"), StandardCharsets.UTF_8).stream()
                    .map(line -> line.split(":", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String require(String tool) {
        return systemTools.find(tool).map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(tool + " not found on " + systemTools.searchPath()));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
