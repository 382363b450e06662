package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.Tags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether instances run as Unix users of their own (setting {@code isolation}: {@code users}, or {@code none}; by
 * default {@code users} when the portal is root, which creating users needs) and the work that comes with it.
 * With users, one instance's code cannot read another's files or secrets, nor the portal's data; without, every
 * instance runs as the portal's own user and can read all of it.
 */
final class InstanceIsolation {

    static final String USERS = "users";
    static final String NONE = "none";

    private final boolean users;
    private final String why;
    private final UserAccounts accounts;
    private final Executables executables;

    private InstanceIsolation(boolean users, String why, UserAccounts accounts, Executables executables) {
        this.users = users;
        this.why = why;
        this.accounts = accounts;
        this.executables = executables;
    }

    /** @throws CloudPermanentException when users are asked for but cannot be created, naming the setting */
    static InstanceIsolation of(String providerName, LocalSettings settings, UserAccounts accounts) {
        Executables executables = new Executables(settings.executablePath());
        String asked = settings.isolation() == null ? "" : settings.isolation().trim().toLowerCase(Locale.ROOT);
        if (asked.equals(NONE)) {
            return new InstanceIsolation(false, "setting isolation is none", accounts, executables);
        }
        if (accounts.available()) {
            return new InstanceIsolation(true, null, accounts, executables);
        }
        String reason = LocalPackages.runningAsRoot() ? "useradd or userdel is missing"
                : "the portal does not run as root, so it cannot create users";
        if (asked.equals(USERS)) {
            throw new CloudPermanentException("Local provider '" + providerName + "': setting isolation is users, but "
                    + reason + "; run the portal as root or set isolation to none");
        }
        return new InstanceIsolation(false, reason, accounts, executables);
    }

    boolean users() {
        return users;
    }

    /** The one line the log says at startup when instances are not isolated; null when they are. */
    String weakness(String providerName, Path workDir) {
        if (users) {
            return null;
        }
        return "Local provider '" + providerName + "': instances are NOT isolated (" + why + "): every desktop and "
                + "notebook runs as the portal's own user '" + System.getProperty("user.name") + "', so each can "
                + "read the others' files and secrets and the portal's data directory ("
                + workDir.toAbsolutePath().normalize().getParent() + ", the embedded database's files included)";
    }

    /**
     * Gives the instance its user, home and secrets folder, before any of its processes starts: at creation, and
     * again at each launch in case the account went missing (a portal from before users, a removed account).
     */
    InstanceRecord prepare(InstanceRecord record, InstancePaths paths) {
        if (!users) {
            return record;
        }
        Path root = paths.root().toAbsolutePath().normalize();
        for (Path folder : List.of(root.getParent().getParent(), root.getParent(), root)) {
            SecureFiles.permissions(folder, SecureFiles.TRAVERSABLE);
        }
        blockedAncestor(root.getParent().getParent()).ifPresent(blocked -> {
            throw new CloudPermanentException("Instance users cannot reach their homes in " + root.getParent()
                    + ": " + blocked + " does not let other users through (mode "
                    + Integer.toOctalString(mode(blocked)) + "). Set the local provider's workDir under a folder "
                    + "every user may traverse, or run: chmod o+x " + blocked);
        });
        InstanceUser user = record.user();
        Path home = paths.home().toAbsolutePath().normalize();
        if (!exists(user, home)) {
            String uid = record.tags().getOrDefault(Tags.INSTANCE, record.computeId());
            user = accounts.create(List.of(UserAccounts.nameFor(uid),
                    UserAccounts.PREFIX + record.computeId().substring("local-".length())), home);
            SecureFiles.ownerOfTree(home, user.uid(), user.gid());
        }
        SecureFiles.permissions(home, SecureFiles.PRIVATE);
        SecureFiles.owner(paths.secrets(), 0, user.gid());
        SecureFiles.permissions(paths.secrets(), "rwx--x---");
        for (Path secret : secretsIn(paths)) {
            SecureFiles.owner(secret, user.uid(), user.gid());
        }
        return record.withUser(user);
    }

    /** The account is there, as recorded: not removed meanwhile, nor its name given to someone else. */
    private static boolean exists(InstanceUser user, Path home) {
        return user != null && UserAccounts.lookup(user.name())
                .filter(account -> account.uid() == user.uid() && account.home().equals(home)).isPresent();
    }

    /** Ends what the instance's user still runs outside the recorded process families (user code may daemonize). */
    void endStragglers(InstanceRecord record) {
        if (record.user() != null && LocalPackages.runningAsRoot() && UserAccounts.stillOurs(record.user())) {
            UserProcesses.killAll(record.user(), executables.require("setpriv"));
        }
    }

    /** After the instance's processes ended: removes its user, and the files it left in shared temporary folders. */
    void remove(InstanceRecord record) {
        InstanceUser user = record.user();
        if (user == null || !LocalPackages.runningAsRoot() || !UserAccounts.stillOurs(user)) {
            return;
        }
        UserProcesses.killAll(user, executables.require("setpriv"));
        UserProcesses.removeTemporaryFiles(user.uid());
        accounts.delete(user);
    }

    /** The first folder on the way from / that other users may not pass through. */
    static Optional<Path> blockedAncestor(Path folder) {
        for (Path path = folder.toAbsolutePath().normalize(); path != null; path = path.getParent()) {
            if (Files.exists(path) && (mode(path) & 0001) == 0) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static int mode(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode") & 07777;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> secretsIn(InstancePaths paths) {
        try (var files = Files.list(paths.secrets())) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
