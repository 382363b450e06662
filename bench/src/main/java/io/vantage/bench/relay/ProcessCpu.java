package io.vantage.bench.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process and all its descendants, from {@code /proc}: websockify serves each connection from a
 * child process, the portal from threads of one process; both are counted the same way.
 */
final class ProcessCpu {

    /** Linux's USER_HZ, what /proc/[pid]/stat counts in. */
    private static final long TICK_NANOS = 10_000_000L;

    private ProcessCpu() {
    }

    /** @param descendants whether the process's children count too (websockify's do; the portal's desktops not) */
    static long nanos(long pid, boolean descendants) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        long ticks = ticks(pid, descendants);
        if (!descendants) {
            return ticks * TICK_NANOS;
        }
        try (Stream<ProcessHandle> children = root.descendants()) {
            ticks += children.mapToLong(child -> ticks(child.pid(), false)).sum();
        }
        return ticks * TICK_NANOS;
    }

    /** utime + stime, plus the children it has waited for (cutime + cstime) when asked. */
    private static long ticks(long pid, boolean withReaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (3rd field of stat): utime is the 14th field, so fields[11]
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile
        }
    }

    /** The machine's load averages (1, 5, 15 minutes). */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
