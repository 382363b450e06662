package io.vantage.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;

/**
 * The instance list and launch validation at 200 concurrent clients, on 50k users, 20k experiments and 10k instances,
 * against the health endpoint measured in the same run as the baseline.
 */
public final class ApiBenchmark {

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 200);
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        Duration pace = Duration.ofMillis(Long.getLong("bench.pace-ms", 1000));
        // The portal's own configuration file, with the benchmark's few changes on top (system properties win).
        System.setProperty("spring.config.additional-location", "optional:file:"
                + System.getProperty("bench.portal.config", "portal-web/src/main/resources/application.yml"));
        for (String setting : new String[] {"server.port=0", "vantage.database.embedded.ephemeral=true",
                "vantage.commands.enabled=false", "vantage.reconcile.enabled=false", "vantage.expiry.enabled=false",
                "server.tomcat.threads.max=200", "spring.datasource.hikari.maximum-pool-size=40",
                "logging.level.root=warn", "logging.level.io.vantage=warn"}) {
            int eq = setting.indexOf('=');
            System.setProperty(setting.substring(0, eq), setting.substring(eq + 1));
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ApiBenchApplication.class).run();
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long seeded = System.nanoTime();
            BenchData.seed(jdbc);
            System.out.printf("Seeded %d users, %d experiments, %d instances in %.1f s%n", BenchData.USERS,
                    BenchData.EXPERIMENTS, BenchData.INSTANCES, (System.nanoTime() - seeded) / 1e9);
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            EmbeddedOidcServer oidc = app.getBean(EmbeddedOidcServer.class);
            List<Integer> people = java.util.stream.IntStream.rangeClosed(1, 2000)
                    .mapToObj(i -> i * 17 % BenchData.USERS + 1).toList();
            List<String> tokens = people.stream().map(n -> oidc.server().issueToken("vantage", "u" + n,
                    "vantage-portal", Map.of(), 3600).serialize()).toList();
            Long plan = jdbc.queryForObject("select id from plans limit 1", Long.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(16)).build();

            var scenarios = new java.util.LinkedHashMap<String, java.util.function.IntFunction<HttpRequest>>();
            scenarios.put("baseline: GET /actuator/health/liveness",
                    i -> HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build());
            scenarios.put("GET /api/instances", i -> HttpRequest.newBuilder(URI.create(base + "/api/instances"))
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size())).build());
            List<String> adminTokens = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> oidc.server()
                    .issueToken("vantage", "u" + i, "vantage-portal", Map.of("roles", List.of("ADMIN")), 3600)
                    .serialize()).toList();
            scenarios.put("GET /api/admin/instances (50 a page)", i -> HttpRequest.newBuilder(URI.create(base
                    + "/api/admin/instances?size=50&page=" + (i % 200))).header("Authorization", "Bearer "
                    + adminTokens.get(i % adminTokens.size())).build());
            scenarios.put("POST /api/instances/validation", i -> HttpRequest.newBuilder(URI.create(base + "/api/instances/validation"))
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"planId\":" + plan + ",\"experimentIds\":[\""
                            + BenchData.experimentOf(people.get(i % people.size())) + "\"],\"name\":\"bench\"}"))
                    .build());

            for (var scenario : scenarios.entrySet()) { // warm-up, not reported
                Load.run(scenario.getKey(), http, clients, Duration.ofSeconds(5), Duration.ZERO, scenario.getValue());
            }
            report("capacity: " + clients + " clients, each sending again as soon as answered", http, clients, duration,
                    Duration.ZERO, scenarios);
            report("paced: " + clients + " clients, each one request every " + pace.toMillis() + " ms", http, clients,
                    duration, pace, scenarios);
        } finally {
            app.close();
        }
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    private static void report(String title, HttpClient http, int clients, Duration duration, Duration interval,
                               Map<String, java.util.function.IntFunction<HttpRequest>> scenarios) throws InterruptedException {
        Load.Result baseline = null;
        System.out.printf("%n%s%n%-40s %9s %8s %8s %8s %8s %8s %10s%n", title, "scenario", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "errors", "p95/base", "req/s/base");
        for (var scenario : scenarios.entrySet()) {
            Load.Result r = Load.run(scenario.getKey(), http, clients, duration, interval, scenario.getValue());
            baseline = baseline == null ? r : baseline;
            System.out.printf("%-40s %9.0f %8.1f %8.1f %8.1f %8d %8.1f %10.2f%n", r.name(), r.perSecond(),
                    r.p50() / 1e6, r.p95() / 1e6, r.p99() / 1e6, r.errors(), (double) r.p95() / baseline.p95(),
                    r.perSecond() / baseline.perSecond());
        }
    }
}
