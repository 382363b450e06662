package io.vantage.cloud.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and ends the processes of an instance. Each process was started as the leader of its own session
 * ({@code setsid}), so its whole family is its session plus its descendants, even children that were re-parented
 * after their parent died. Works for processes a previous portal started, since it needs only pids.
 */
final class ProcessTree {

    private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);
    /** Clock ticks make start times coarse; a reused pid starts much later than this. */
    private static final long START_TOLERANCE_MILLIS = 1000;
    private static final Duration KILL_WAIT = Duration.ofSeconds(3);
    private static final int ANY_UID = -1;

    private ProcessTree() {
    }

    /** The live process the record describes, never a later process that happens to have the same pid. */
    static Optional<ProcessHandle> find(ProcessRecord record) {
        return ProcessHandle.of(record.pid()).filter(ProcessTree::isRunning)
                .filter(handle -> startedAt(handle)
                        .map(start -> Math.abs(start - record.startedAtMillis()) <= START_TOLERANCE_MILLIS)
                        .orElse(false));
    }

    static boolean isAlive(ProcessRecord record) {
        return find(record).isPresent();
    }

    /**
     * Alive and not a zombie. Java counts a zombie as alive, but it has exited and released everything; its parent
     * (often the init process, for children of a previous portal) just has not collected it yet.
     */
    static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return handle.isAlive();
        }
    }

    static Optional<Long> startedAt(ProcessHandle handle) {
        return handle.info().startInstant().map(instant -> instant.toEpochMilli());
    }

    /** {@link #terminate(Collection, int, Duration)} for processes that run as the portal's own user. */
    static void terminate(Collection<ProcessRecord> records, Duration grace) {
        terminate(records, ownUid(), grace);
    }

    /**
     * SIGTERM to every process of the family, SIGKILL to what is left after the grace period. {@code uid} is the
     * user the processes run as ({@link #uidOf}): the session of a leader that has died is swept only for that
     * user's processes.
     */
    static void terminate(Collection<ProcessRecord> records, int uid, Duration grace) {
        Set<ProcessHandle> targets = family(records, uid);
        if (targets.isEmpty()) {
            return;
        }
        targets.forEach(ProcessHandle::destroy);
        if (Waits.untilQuietly(() -> targets.stream().noneMatch(ProcessTree::isRunning), grace)) {
            return;
        }
        Set<ProcessHandle> remaining = family(records, uid);
        targets.stream().filter(ProcessTree::isRunning).forEach(remaining::add);
        log.info("Killing {} that ignored SIGTERM for {}", describe(remaining), grace);
        remaining.forEach(ProcessHandle::destroyForcibly);
        if (!Waits.untilQuietly(() -> remaining.stream().noneMatch(ProcessTree::isRunning), KILL_WAIT)) {
            log.warn("Processes {} survived SIGKILL", describe(remaining));
        }
    }

    private static List<String> describe(Set<ProcessHandle> handles) {
        return handles.stream().filter(ProcessTree::isRunning)
                .map(handle -> handle.pid() + " " + handle.info().command().orElse("?")).toList();
    }

    static Set<ProcessHandle> family(Collection<ProcessRecord> records) {
        return family(records, ownUid());
    }

    /**
     * The processes of the records' sessions and their descendants. While a leader lives, its session is ours. Once
     * it has died, the kernel may give its pid to a stranger after the session's last member is gone, and that
     * stranger's own session would carry the same id: a dead leader's session is then taken only for processes of
     * {@code uid}, the instance's user, so a reused session id never makes the portal signal another user's work.
     */
    static Set<ProcessHandle> family(Collection<ProcessRecord> records, int uid) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        for (ProcessRecord record : records) {
            boolean pidReused = ProcessHandle.of(record.pid()).flatMap(ProcessTree::startedAt)
                    .map(start -> Math.abs(start - record.startedAtMillis()) > START_TOLERANCE_MILLIS)
                    .orElse(false);
            if (pidReused) {
                // the kernel never reuses a pid while it names a live session, so that session is not ours
                continue;
            }
            Optional<ProcessHandle> leader = find(record);
            leader.ifPresent(members::add);
            members.addAll(sessionMembers(record, leader.isPresent() ? ANY_UID : uid));
        }
        Set<ProcessHandle> descendants = members.stream().flatMap(ProcessHandle::descendants)
                .filter(ProcessTree::isRunning)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        members.addAll(descendants);
        members.removeIf(handle -> handle.pid() == ProcessHandle.current().pid());
        return members;
    }

    /** The uid the instance's processes run as: its own user's, or the portal's when it has none. */
    static int uidOf(InstanceUser user) {
        return user == null ? ownUid() : user.uid();
    }

    private static int ownUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return ANY_UID;
        }
    }

    private static Set<ProcessHandle> sessionMembers(ProcessRecord record, int uid) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                if (sessionOf(entry) == record.pid() && (uid == ANY_UID || UserProcesses.runsAs(entry, uid))) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString()))
                            .filter(ProcessTree::isRunning)
                            .filter(handle -> startedAt(handle)
                                    .map(start -> start >= record.startedAtMillis() - START_TOLERANCE_MILLIS)
                                    .orElse(false))
                            .ifPresent(members::add);
                }
            }
        } catch (IOException e) {
            log.debug("Cannot list /proc: {}", e.toString());
        }
        return members;
    }

    /** Field 6 of /proc/PID/stat; the command name before it may hold spaces and parentheses. */
    private static long sessionOf(Path procEntry) {
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
