package io.vantage.cloud.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
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

    private ProcessTree() {
    }

    /** The live process the record describes, never a later process that happens to have the same pid. */
    static Optional<ProcessHandle> find(ProcessRecord record) {
        return ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive)
                .filter(handle -> startedAt(handle)
                        .map(start -> Math.abs(start - record.startedAtMillis()) <= START_TOLERANCE_MILLIS)
                        .orElse(false));
    }

    static boolean isAlive(ProcessRecord record) {
        return find(record).isPresent();
    }

    static Optional<Long> startedAt(ProcessHandle handle) {
        return handle.info().startInstant().map(instant -> instant.toEpochMilli());
    }

    /** SIGTERM to every process of the family, SIGKILL to what is left after the grace period. */
    static void terminate(Collection<ProcessRecord> records, Duration grace) {
        Set<ProcessHandle> targets = family(records);
        if (targets.isEmpty()) {
            return;
        }
        targets.forEach(ProcessHandle::destroy);
        if (Waits.untilQuietly(() -> targets.stream().noneMatch(ProcessHandle::isAlive), grace)) {
            return;
        }
        Set<ProcessHandle> remaining = family(records);
        targets.stream().filter(ProcessHandle::isAlive).forEach(remaining::add);
        log.info("Killing {} that ignored SIGTERM for {}", describe(remaining), grace);
        remaining.forEach(ProcessHandle::destroyForcibly);
        if (!Waits.untilQuietly(() -> remaining.stream().noneMatch(ProcessHandle::isAlive), KILL_WAIT)) {
            log.warn("Processes {} survived SIGKILL", remaining.stream().map(ProcessHandle::pid).toList());
        }
    }

    private static java.util.List<String> describe(Set<ProcessHandle> handles) {
        return handles.stream().filter(ProcessHandle::isAlive)
                .map(handle -> handle.pid() + " " + handle.info().command().orElse("?")).toList();
    }

    static Set<ProcessHandle> family(Collection<ProcessRecord> records) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        for (ProcessRecord record : records) {
            Optional<ProcessHandle> leader = find(record);
            boolean pidReused = leader.isEmpty() && ProcessHandle.of(record.pid()).isPresent();
            if (pidReused) {
                // the kernel never reuses a pid while it names a live session, so that session is not ours
                continue;
            }
            leader.ifPresent(members::add);
            members.addAll(sessionMembers(record));
        }
        Set<ProcessHandle> descendants = members.stream().flatMap(ProcessHandle::descendants)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        members.addAll(descendants);
        members.removeIf(handle -> handle.pid() == ProcessHandle.current().pid());
        return members;
    }

    private static Set<ProcessHandle> sessionMembers(ProcessRecord record) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                if (sessionOf(entry) == record.pid()) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString()))
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
