package io.vantage.bench.guacamole;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vantage.bench.portal.PortalProcess;

/**
 * The portal's Guacamole relay against a direct TCP connection to the same guacd peer, with 1, 50 and 200
 * concurrent sessions, in one run: throughput of a streaming desktop, added latency of a ping, heap per session.
 */
public final class GuacamoleBenchmark {

    static final int[] SESSIONS = {1, 50, 200};
    static final Duration WARM_UP = Duration.ofSeconds(2);
    static final Duration LATENCY = Duration.ofSeconds(6);
    static final Duration THROUGHPUT = Duration.ofSeconds(8);
    /** An interactive person: 20 input events a second. */
    static final long PING_EVERY_MS = 50;

    private GuacamoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.portal.jar", "../portal-web/target/vantage-portal.jar"));
        Path work = Path.of(System.getProperty("bench.work", "target/guacamole"));
        String heap = System.getProperty("bench.portal.heap", "1g");
        Locale.setDefault(Locale.ROOT);
        try (LoadPeer peer = new LoadPeer(); PortalProcess portal = new PortalProcess(jar, work, heap, null,
                List.of("--vantage.tunnel.guacd.host=127.0.0.1", "--vantage.tunnel.guacd.port=" + peer.port(),
                        "--vantage.reconcile.fast-interval=500ms"))) {
            long t = System.nanoTime();
            portal.awaitReady(Duration.ofMinutes(5));
            portal.signIn("1001");
            Desktop desktop = Desktop.launch(portal);
            System.out.printf("Portal up and desktop %s running after %.1f s (load average %s)%n", desktop.uid(),
                    seconds(t), loadAverage());

            // warm both JVMs (JIT) on both paths; not reported
            run(10, () -> new DirectSession(peer.port()), peer, Duration.ofSeconds(3));
            run(10, desktop::session, peer, Duration.ofSeconds(3));

            List<String> rows = new ArrayList<>();
            List<String> cpu = new ArrayList<>();
            String only = System.getProperty("bench.sessions", "");
            for (int n : only.isBlank() ? SESSIONS : new int[] {Integer.parseInt(only)}) {
                Result direct = run(n, () -> new DirectSession(peer.port()), peer, null);
                long idle = portal.heapAfterGc();
                Result relay = run(n, desktop::session, peer, null, () -> portal.heapAfterGc() - idle,
                        portal::cpuNanos);
                rows.add(row(n, direct, relay));
                cpu.add(String.format("- %d session(s): direct %.2f (benchmark); relay %.2f (benchmark) + %.2f"
                        + " (portal), portal %.1f ms CPU per MB relayed", n, direct.benchCores(), relay.benchCores(),
                        relay.portalCores(), relay.portalCores() * 1000 / relay.megabytesPerSecond()));
                System.out.printf("%d session(s) done (load average %s)%n", n, loadAverage());
            }
            System.out.println();
            System.out.println("| sessions | throughput direct | throughput relay | relay/direct | RTT p50 direct"
                    + " | RTT p50 relay | added p50 | RTT p99 direct | RTT p99 relay | added p99 | heap/session |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
            System.out.println();
            System.out.println("CPU while streaming (cores of 2; the benchmark JVM holds guacd's peer and the clients):");
            cpu.forEach(System.out::println);
        }
    }

    /**
     * @param benchCores cores the benchmark's own JVM (peer and clients) used while streaming
     * @param portalCores cores the portal used while streaming (0 for the direct path)
     */
    record Result(double megabytesPerSecond, Percentiles roundTrips, long heapPerSession, double benchCores,
                  double portalCores) {
    }

    private static Result run(int n, Callable<BenchSession> open, LoadPeer peer, Duration quick) throws Exception {
        return run(n, open, peer, quick, () -> 0L, () -> 0L);
    }

    private static Result run(int n, Callable<BenchSession> open, LoadPeer peer, Duration quick,
                              Callable<Long> heapWithSessions, Callable<Long> portalCpu) throws Exception {
        List<BenchSession> sessions = new ArrayList<>();
        ScheduledExecutorService pinger = Executors.newScheduledThreadPool(2);
        try {
            for (int i = 0; i < n; i++) {
                sessions.add(open.call());
            }
            long heap = heapWithSessions.call() / n;
            Duration latency = quick != null ? quick : LATENCY;
            for (BenchSession session : sessions) {
                pinger.scheduleAtFixedRate(() -> {
                    try {
                        session.ping();
                    } catch (Exception e) {
                        // closed
                    }
                }, (long) (Math.random() * PING_EVERY_MS), PING_EVERY_MS, TimeUnit.MILLISECONDS);
            }
            pause(WARM_UP);
            sessions.forEach(s -> s.recording = true);
            pause(latency);
            sessions.forEach(s -> s.recording = false);
            pinger.shutdownNow();
            List<Long> rtts = new ArrayList<>();
            sessions.forEach(s -> rtts.addAll(s.roundTripsNanos));

            for (BenchSession session : sessions) {
                session.stream(true);
            }
            pause(WARM_UP);
            long before = sessions.stream().mapToLong(s -> s.received.get()).sum();
            long benchCpu = ownCpuNanos();
            long portalCpuBefore = portalCpu.call();
            long start = System.nanoTime();
            pause(quick != null ? quick : THROUGHPUT);
            long bytes = sessions.stream().mapToLong(s -> s.received.get()).sum() - before;
            double wall = System.nanoTime() - start;
            double benchCores = (ownCpuNanos() - benchCpu) / wall;
            double portalCores = (portalCpu.call() - portalCpuBefore) / wall;
            double mbps = bytes / 1e6 / (wall / 1e9);
            for (BenchSession session : sessions) {
                session.stream(false);
            }
            return new Result(mbps, Percentiles.of(rtts), heap, benchCores, portalCores);
        } finally {
            pinger.shutdownNow();
            for (BenchSession session : sessions) {
                session.close();
            }
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (peer.openSockets() > 0 && System.nanoTime() < end) {
                Thread.sleep(100); // until guacd saw every session leave
            }
        }
    }

    private static String row(int n, Result direct, Result relay) {
        return String.format("| %d | %.0f MB/s | %.0f MB/s | %.2f | %.2f ms | %.2f ms | %+.2f ms | %.2f ms | %.2f ms"
                        + " | %+.2f ms | %,d KiB |", n, direct.megabytesPerSecond(), relay.megabytesPerSecond(),
                relay.megabytesPerSecond() / direct.megabytesPerSecond(), direct.roundTrips().p50(),
                relay.roundTrips().p50(), relay.roundTrips().p50() - direct.roundTrips().p50(),
                direct.roundTrips().p99(), relay.roundTrips().p99(),
                relay.roundTrips().p99() - direct.roundTrips().p99(), relay.heapPerSession() / 1024);
    }

    /** Round trips in milliseconds. */
    record Percentiles(double p50, double p99, int samples) {
        static Percentiles of(List<Long> nanos) {
            List<Long> sorted = nanos.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return new Percentiles(Double.NaN, Double.NaN, 0);
            }
            return new Percentiles(sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6, sorted.size());
        }
    }

    /** The machine's load averages (1, 5, 15 minutes): the cores are shared. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis()); // a measurement window
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
