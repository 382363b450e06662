package io.vantage.bench.relay;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.tunnel.TicketService;
import io.vantage.bench.api.ApiBenchApplication;

/**
 * The portal's VNC relay against a direct TCP connection to the same VNC server, in one run: throughput (1 MiB
 * updates), round-trip latency (key → bell) at 1, 50 and 200 concurrent sessions, and heap per session.
 */
public final class RelayBenchmark {

    interface Opener {
        Session open() throws Exception;
    }

    record Figures(double megabytesPerSecond, long p50, long p99) {
    }

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        try (FakeVncServer vnc = new FakeVncServer(RelayBenchConfiguration.SECRET)) {
            RelayBenchConfiguration.vncPort = vnc.port();
            ConfigurableApplicationContext app = new SpringApplicationBuilder(ApiBenchApplication.class,
                    RelayBenchConfiguration.class).properties("server.port=0", "vantage.database.embedded.ephemeral=true",
                    "vantage.commands.enabled=false", "vantage.reconcile.enabled=false", "logging.level.root=warn",
                    "spring.main.allow-bean-definition-overriding=true", "server.tomcat.threads.max=400").run();
            try {
                String uid = seed(app.getBean(JdbcTemplate.class));
                TicketService tickets = app.getBean(TicketService.class);
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
                CurrentUser owner = new CurrentUser("bench-owner", Set.of());
                Opener direct = () -> new TcpSession(vnc.port(), vnc);
                Opener relay = () -> new RelaySession(http, "ws://127.0.0.1:" + port + "/tunnels/vnc?ticket="
                        + tickets.issue(owner, uid, "VNC").ticket() + "&instance=" + uid);

                System.out.printf("%nsessions  path     MB/s   RTT p50 ms  RTT p99 ms   throughput ratio   added p99 ms%n");
                for (int sessions : new int[] {1, 50, 200}) {
                    Figures d = measure(direct, sessions, phase);
                    Figures r = measure(relay, sessions, phase);
                    System.out.printf("%8d  direct %7.1f %11.2f %11.2f%n", sessions, d.megabytesPerSecond(), d.p50() / 1e6,
                            d.p99() / 1e6);
                    System.out.printf("%8d  relay  %7.1f %11.2f %11.2f %18.2f %14.2f%n", sessions, r.megabytesPerSecond(),
                            r.p50() / 1e6, r.p99() / 1e6, r.megabytesPerSecond() / d.megabytesPerSecond(),
                            (r.p99() - d.p99()) / 1e6);
                }
                System.out.printf("%nheap per open session: direct %.0f KiB, relay %.0f KiB (both include the client side)%n",
                        heapPerSession(direct, 200) / 1024, heapPerSession(relay, 200) / 1024);
            } finally {
                app.close();
            }
        }
        System.exit(0);
    }

    private static String seed(JdbcTemplate jdbc) {
        jdbc.execute("""
                insert into users (id, last_name) values ('bench-owner', 'Owner');
                insert into cloud_providers (name, type, settings) values ('bench', 'LOCAL', '{}');
                insert into images (name, provider_id, provider_image_id, default_protocol_id)
                select 'Desktop', p.id, 'desktop', pr.id from cloud_providers p, protocols pr where pr.name = 'VNC';
                insert into image_protocols (image_id, protocol_id) select id, default_protocol_id from images;
                insert into flavours (name, cpu, memory_mib, provider_id, provider_flavour_id)
                select 'Small', 1, 2048, id, 'small' from cloud_providers;
                insert into plans (image_id, flavour_id) select i.id, f.id from images i, flavours f;
                insert into instances (uid, name, plan_id, provider_id, state, compute_id, screen_width, screen_height,
                                       access_secret)
                select 'benchrelay01', 'Relay', p.id, i.provider_id, 'ACTIVE', 'bench', 1920, 1080, 'benchpw1'
                from plans p join images i on i.id = p.image_id;
                insert into instance_members (instance_id, user_id, role) select id, 'bench-owner', 'OWNER' from instances;
                """);
        return "benchrelay01";
    }

    private static Figures measure(Opener opener, int count, Duration phase) throws Exception {
        List<Session> sessions = open(opener, count);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            AtomicLong bytes = new AtomicLong();
            long end = System.nanoTime() + phase.toNanos();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Session s : sessions) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        bytes.addAndGet(s.update());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> rtts = Collections.synchronizedList(new ArrayList<>());
            long latencyEnd = System.nanoTime() + phase.toNanos();
            running.clear();
            for (Session s : sessions) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < latencyEnd) {
                        rtts.add(s.roundTrip());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            List<Long> sorted = new ArrayList<>(rtts);
            Collections.sort(sorted);
            return new Figures(bytes.get() / seconds / (1 << 20), sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))));
        } finally {
            pool.shutdownNow();
            sessions.forEach(Session::close);
        }
    }

    private static List<Session> open(Opener opener, int count) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(opener.open());
        }
        return sessions;
    }

    private static double heapPerSession(Opener opener, int count) throws Exception {
        long before = usedAfterGc();
        List<Session> sessions = open(opener, count);
        long after = usedAfterGc();
        sessions.forEach(Session::close);
        return (after - before) / (double) count;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200); // let the collector finish; this is a benchmark, not a test
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
