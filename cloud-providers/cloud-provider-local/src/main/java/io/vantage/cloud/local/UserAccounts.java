package io.vantage.cloud.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Creates and removes the Unix accounts of instances with {@code useradd} and {@code userdel} (root only). An account
 * is a system user with a private group, no password (it cannot log in) and its home in the instance folder, made by
 * the provider rather than from {@code /etc/skel}.
 */
final class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    /** useradd locks /etc/passwd; launches in this JVM queue here instead of failing on the lock. */
    static final Object PASSWD = new Object();
    private static final int MAX_NAME = 32;
    static final String PREFIX = "vi-";

    /** One line of {@code /etc/passwd}, the fields the provider needs. */
    record Account(String name, int uid, int gid, Path home) {
    }

    private final Executables systemTools;

    UserAccounts(Executables systemTools) {
        this.systemTools = systemTools;
    }

    /** Whether this process may create accounts: it is root and has the tools. */
    boolean available() {
        return LocalPackages.runningAsRoot() && systemTools.find("useradd").isPresent()
                && systemTools.find("userdel").isPresent();
    }

    /** {@code vi-} and the instance uid in the characters useradd accepts, cut to 32 characters. */
    static String nameFor(String instanceUid) {
        String cleaned = instanceUid.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        String name = PREFIX + cleaned;
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    static Optional<Account> lookup(String name) {
        return accounts().stream().filter(account -> account.name().equals(name)).findFirst();
    }

    /**
     * Whether the uid still means this instance's user: its account is there, or no account has the uid any more
     * (then what runs with it is a leftover of ours). A uid given to someone else since is never signalled.
     */
    static boolean stillOurs(InstanceUser user) {
        List<Account> all = accounts();
        return all.stream().anyMatch(account -> account.name().equals(user.name()) && account.uid() == user.uid())
                || all.stream().noneMatch(account -> account.uid() == user.uid());
    }

    private static List<Account> accounts() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8).stream()
                    .map(line -> line.split(":", -1))
                    .filter(fields -> fields.length >= 6)
                    .map(fields -> new Account(fields[0], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]),
                            Path.of(fields[5])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The account for a home: an existing one with exactly this home is taken over (a launch the portal did not
     * finish); a name taken by anything else is never touched, the fallback name is used instead.
     */
    InstanceUser create(List<String> names, Path home) {
        synchronized (PASSWD) {
            for (String name : names) {
                Optional<Account> existing = lookup(name);
                if (existing.isPresent()) {
                    if (existing.get().home().equals(home)) {
                        return user(existing.get());
                    }
                    continue;
                }
                run(List.of(require("useradd"), "--system", "--user-group", "--no-create-home",
                        "--home-dir", home.toString(), "--shell", "/bin/bash",
                        "--comment", "Vantage instance", name));
                Account created = lookup(name).orElseThrow(() -> new IllegalStateException(
                        "useradd succeeded but " + name + " is not in /etc/passwd"));
                log.info("Created user {} ({}) for the local instance in {}", name, created.uid(), home.getParent());
                return user(created);
            }
            throw new IllegalStateException("users " + names + " exist already for other homes");
        }
    }

    /** Removes the account and its private group; its processes must have ended (userdel refuses otherwise). */
    void delete(InstanceUser user) {
        synchronized (PASSWD) {
            Optional<Account> account = lookup(user.name());
            if (account.isEmpty() || account.get().uid() != user.uid()) {
                return; // already gone, or the name now belongs to someone else
            }
            run(List.of(require("userdel"), user.name()));
            log.info("Removed user {} ({})", user.name(), user.uid());
        }
    }

    private static InstanceUser user(Account account) {
        return new InstanceUser(account.name(), account.uid(), account.gid());
    }

    private String require(String tool) {
        return systemTools.find(tool).map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(tool + " not found on " + systemTools.searchPath()));
    }

    /** Runs a passwd tool; its output names users and files only, never a secret. */
    static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " " + command.get(
                        command.size() - 1) + " failed (exit " + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
