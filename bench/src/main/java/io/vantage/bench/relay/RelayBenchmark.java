package io.vantage.bench.relay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.vantage.bench.portal.PortalProcess;

/**
 * The portal's VNC relay against websockify (noVNC's relay), socat (a plain TCP relay in C: the floor of what any
 * relay costs here) and a direct TCP connection, in one run: the same client (a websocket that offers compression as
 * Chromium does; plain TCP for the direct and socat paths), the same VNC server, 1, 20 and 100 concurrent sessions.
 * Throughput and the relay's CPU per MB, paced key round trips, and whether every byte arrives when the server hangs
 * up. The portal, websockify and socat each run as their own process. With {@code -Dbench.relay.pin=true} the
 * relays run on the second core and the clients and the VNC server on the first, as in a deployment, where the
 * portal does not share its CPU with the browser or the desktop.
 */
public final class RelayBenchmark {

    static final String PASSWORD = "benchpw1";
    /** An active person's input rate: a key every 50 ms per session. */
    static final long KEY_EVERY_NANOS = 50_000_000L;
    static final long LAST_WORDS = 4L << 20;
    /** With {@code bench.relay.pin}: where the clients and the VNC server run, and where the relays do. */
    static final String CLIENT_CPU = "0";
    static final String RELAY_CPU = "1";

    interface Opener {
        RfbSession open() throws Exception;
    }

    /** @param cpu the relay's CPU time so far (none for the direct path) */
    record Route(String name, Opener opener, java.util.function.LongSupplier cpu) {
    }

    /** @param netCpuMsPerMegabyte CPU per MB less what the process spends idle in as long (its background jobs) */
    record Result(double megabytesPerSecond, double cpuMsPerMegabyte, double netCpuMsPerMegabyte, double p50,
                  double p99, long lastWordsLost) {
    }

    /** How long the relay's idle CPU is measured, with its sessions open and quiet, before each throughput phase. */
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up-seconds", 10));
    static final long IDLE_NANOS = 3_000_000_000L;

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Duration phase = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        int[] sizes = Arrays.stream(System.getProperty("bench.sessions", "1,20,100").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path jar = Path.of(System.getProperty("bench.portal.jar", "../portal-web/target/vantage-portal.jar"));
        Path plugin = Path.of(System.getProperty("bench.portal.plugin"));
        Path work = Path.of(System.getProperty("bench.work", "target/relay"));
        Files.createDirectories(work);
        boolean pin = Boolean.getBoolean("bench.relay.pin");
        if (pin) {
            Affinity.pin(ProcessHandle.current().pid(), CLIENT_CPU); // before any client or server thread starts
        }
        System.out.printf("Load average before: %s%n", ProcessCpu.loadAverage());
        try (FakeVncServer vnc = new FakeVncServer(PASSWORD);
             RelayProcess websockify = RelayProcess.websockify(vnc.port(), work.resolve("websockify.log"));
             RelayProcess socat = RelayProcess.socat(vnc.port(), work.resolve("socat.log"));
             PortalProcess portal = new PortalProcess(jar, work, System.getProperty("bench.portal.heap", "1g"),
                     plugin, List.of("--vantage.bench.vnc-port=" + vnc.port(), "--vantage.bench.vnc-password="
                             + PASSWORD, "--server.tomcat.threads.max=400"))) {
            portal.awaitReady(Duration.ofMinutes(5));
            if (pin) {
                for (long pid : new long[] {websockify.pid(), socat.pid(), portal.pid()}) {
                    Affinity.pinTree(pid, RELAY_CPU);
                }
                System.out.printf("Pinned: clients and VNC server on CPU %s, relays on CPU %s%n", CLIENT_CPU,
                        RELAY_CPU);
            }
            portal.signIn("1001");
            String uid = portal.launchDesktop("Relay benchmark");
            String tunnel = "/tunnels/vnc?instance=" + uid + "&ticket=";
            List<Route> routes = List.of(
                    new Route("direct", () -> RfbSession.authenticated(new TcpChannel(vnc.port()), PASSWORD), () -> 0),
                    new Route("socat", () -> RfbSession.authenticated(new TcpChannel(socat.port()), PASSWORD),
                            () -> ProcessCpu.nanos(socat.pid(), true)),
                    new Route("websockify", () -> RfbSession.authenticated(new RawWebSocket(websockify.port(), "/",
                            null), PASSWORD), () -> ProcessCpu.nanos(websockify.pid(), true)),
                    new Route("portal", () -> RfbSession.throughPortal(new RawWebSocket(portal.port(),
                            tunnel + portal.ticket(uid, "VNC"), null)), () -> ProcessCpu.nanos(portal.pid(), false)));
            negotiation(websockify.port(), portal, tunnel, uid);

            for (Route route : routes) {
                // both JVMs' compilers warm: with a 3 s warm-up, the portal's compiler threads took a third of its
                // CPU over the whole run (perf), counted as relaying; not reported
                measure(route, 10, WARM_UP);
            }
            List<String> throughput = new ArrayList<>();
            List<String> latency = new ArrayList<>();
            List<String> cpu = new ArrayList<>();
            for (int n : sizes) {
                Result[] r = new Result[routes.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = measure(routes.get(i), n, phase);
                }
                Result direct = r[0];
                Result socatR = r[1];
                Result ws = r[2];
                Result portalR = r[3];
                throughput.add(String.format("| %d | %,.0f | %,.0f | %,.0f | %,.0f | **%.2f** | **%.2f** | %.2f | %.2f"
                                + " | %.2f | %.2f | %.2f | **%.2f** | %.2f | %d / %d / %d / %d |", n,
                        direct.megabytesPerSecond(), socatR.megabytesPerSecond(), ws.megabytesPerSecond(),
                        portalR.megabytesPerSecond(), portalR.megabytesPerSecond() / ws.megabytesPerSecond(),
                        portalR.megabytesPerSecond() / direct.megabytesPerSecond(),
                        socatR.megabytesPerSecond() / direct.megabytesPerSecond(),
                        portalR.megabytesPerSecond() / socatR.megabytesPerSecond(), socatR.cpuMsPerMegabyte(),
                        ws.cpuMsPerMegabyte(), portalR.cpuMsPerMegabyte(),
                        portalR.cpuMsPerMegabyte() / ws.cpuMsPerMegabyte(),
                        portalR.cpuMsPerMegabyte() / socatR.cpuMsPerMegabyte(), direct.lastWordsLost(),
                        socatR.lastWordsLost(), ws.lastWordsLost(), portalR.lastWordsLost()));
                latency.add(String.format("| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %+.2f | %+.2f"
                                + " | **%+.2f** |", n, direct.p50(), socatR.p50(), ws.p50(), portalR.p50(),
                        direct.p99(), socatR.p99(), ws.p99(), portalR.p99(), socatR.p99() - direct.p99(),
                        ws.p99() - direct.p99(), portalR.p99() - direct.p99()));
                cpu.add(String.format("| %d | %.2f | %.2f | %.2f | **%.2f** | %.2f |", n,
                        socatR.netCpuMsPerMegabyte(), ws.netCpuMsPerMegabyte(), portalR.netCpuMsPerMegabyte(),
                        portalR.netCpuMsPerMegabyte() / ws.netCpuMsPerMegabyte(),
                        portalR.netCpuMsPerMegabyte() / socatR.netCpuMsPerMegabyte()));
                System.out.printf("%d session(s) done (load average %s)%n", n, ProcessCpu.loadAverage());
            }
            double heap = heapPerSession(routes.get(3), portal, sizes[sizes.length - 1]);
            System.out.println();
            System.out.println("| sessions | direct MB/s | socat MB/s | websockify MB/s | portal MB/s"
                    + " | portal/websockify | portal/direct | socat/direct | portal/socat | socat CPU ms/MB"
                    + " | websockify CPU ms/MB | portal CPU ms/MB | CPU portal/websockify | CPU portal/socat"
                    + " | bytes lost at close (direct / socat / websockify / portal) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            throughput.forEach(System.out::println);
            System.out.println();
            System.out.println("| sessions | RTT p50 direct | RTT p50 socat | RTT p50 websockify | RTT p50 portal"
                    + " | RTT p99 direct | RTT p99 socat | RTT p99 websockify | RTT p99 portal | added p99 socat"
                    + " | added p99 websockify | added p99 portal |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            latency.forEach(System.out::println);
            System.out.println();
            System.out.println("| sessions | socat CPU ms/MB less idle | websockify CPU ms/MB less idle"
                    + " | portal CPU ms/MB less idle | CPU portal/websockify less idle | CPU portal/socat less idle |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            cpu.forEach(System.out::println);
            System.out.printf("%nPortal heap per open session (%d open): %.0f KiB%n", sizes[sizes.length - 1],
                    heap / 1024);
            System.out.printf("Load average after: %s%n", ProcessCpu.loadAverage());
        }
        System.exit(0);
    }

    /** What each relay answers to Chromium's offer, and to a websockify-style client asking for "binary". */
    private static void negotiation(int websockifyPort, PortalProcess portal, String tunnel, String uid)
            throws Exception {
        for (String offer : new String[] {null, "binary"}) {
            try (RawWebSocket ws = new RawWebSocket(websockifyPort, "/", offer);
                 RawWebSocket relay = new RawWebSocket(portal.port(), tunnel + portal.ticket(uid, "VNC"), offer)) {
                System.out.printf("Offering permessage-deflate%s: websockify answers extensions=%s protocol=%s;"
                        + " the portal answers extensions=%s protocol=%s%n", offer == null ? "" : " and " + offer,
                        ws.extensions, ws.protocol, relay.extensions, relay.protocol);
            }
        }
    }

    private static Result measure(Route route, int count, Duration phase) throws Exception {
        List<RfbSession> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            for (int i = 0; i < count; i++) {
                sessions.add(route.opener().open());
            }
            AtomicLong bytes = new AtomicLong();
            long idleStart = System.nanoTime();
            long idleCpuBefore = route.cpu().getAsLong();
            Thread.sleep(IDLE_NANOS / 1_000_000); // measuring the relay's CPU while nothing is relayed
            double idleShare = (route.cpu().getAsLong() - idleCpuBefore) / (double) (System.nanoTime() - idleStart);
            long cpuBefore = route.cpu().getAsLong();
            long start = System.nanoTime();
            long end = start + phase.toNanos();
            run(pool, sessions, session -> {
                while (System.nanoTime() < end) {
                    bytes.addAndGet(session.update());
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            double megabytes = bytes.get() / 1e6;
            double cpuMs = (route.cpu().getAsLong() - cpuBefore) / 1e6;

            List<Long> rtts = Collections.synchronizedList(new ArrayList<>());
            long latencyEnd = System.nanoTime() + phase.toNanos();
            run(pool, sessions, session -> {
                long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(KEY_EVERY_NANOS);
                while (next < latencyEnd) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing, not waiting for a state
                    }
                    rtts.add(session.roundTrip());
                    next += KEY_EVERY_NANOS;
                }
            });
            List<Long> sorted = new ArrayList<>(rtts);
            Collections.sort(sorted);

            AtomicLong lost = new AtomicLong();
            run(pool, sessions, session -> lost.addAndGet(LAST_WORDS - session.lastWords(LAST_WORDS)));
            double netCpuMs = Math.max(0, cpuMs - idleShare * seconds * 1e3);
            return new Result(megabytes / seconds, cpuMs / megabytes, netCpuMs / megabytes, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6, lost.get());
        } finally {
            pool.shutdownNow();
            sessions.forEach(RfbSession::close);
        }
    }

    interface Work {
        void run(RfbSession session) throws Exception;
    }

    private static void run(ExecutorService pool, List<RfbSession> sessions, Work work) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (RfbSession session : sessions) {
            running.add(pool.submit(() -> {
                work.run(session);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
    }

    private static double heapPerSession(Route route, PortalProcess portal, int count) throws Exception {
        long before = portal.heapAfterGc();
        List<RfbSession> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sessions.add(route.opener().open());
            }
            return (portal.heapAfterGc() - before) / (double) count;
        } finally {
            sessions.forEach(RfbSession::close);
        }
    }
}
