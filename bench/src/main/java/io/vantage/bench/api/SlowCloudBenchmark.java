package io.vantage.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.cloud.openstack.StatefulOpenStack;

/**
 * Launches and the admin console's reads while the only cloud takes 30 s to answer every call (a stateful WireMock
 * shaped like Keystone, Nova and Glance): none of them may wait on it. Targets: p95 ≤ 200 ms for both, against the
 * liveness baseline measured in the same run. Command workers and the reconciler run, so the cloud is busy with the
 * launches' creates the whole time.
 */
public final class SlowCloudBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SlowCloudBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.cloud.clients", 20);
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        Duration pace = Duration.ofMillis(Long.getLong("bench.pace-ms", 1000));
        Duration delay = Duration.ofSeconds(Long.getLong("bench.cloud.delay-seconds", 30));
        StatefulOpenStack cloud = new StatefulOpenStack();
        System.setProperty("spring.config.additional-location", "optional:file:"
                + System.getProperty("bench.portal.config", "portal-web/src/main/resources/application.yml"));
        for (String setting : new String[] {"server.port=0", "vantage.database.embedded.ephemeral=true",
                "vantage.expiry.enabled=false", "vantage.cloud.call-timeout=60s",
                "vantage.lifecycle.defaults.instances=100000", "vantage.lifecycle.defaults.vcpu=1000000",
                "vantage.lifecycle.defaults.memory-mib=1000000000", "server.tomcat.threads.max=200",
                "spring.datasource.hikari.maximum-pool-size=40", "logging.level.root=warn",
                "logging.level.io.vantage=warn"}) {
            int eq = setting.indexOf('=');
            System.setProperty(setting.substring(0, eq), setting.substring(eq + 1));
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ApiBenchApplication.class).run();
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            EmbeddedOidcServer oidc = app.getBean(EmbeddedOidcServer.class);
            seedPeople(jdbc, clients);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(16)).build();
            String admin = oidc.server().issueToken("vantage", "bench-admin", "vantage-portal",
                    Map.of("roles", List.of("ADMIN")), 7200).serialize();
            long plan = registerCloud(http, base, admin, cloud, jdbc);
            List<String> people = IntStream.range(0, clients).mapToObj(i -> oidc.server().issueToken("vantage",
                    "cloud-bench-" + i, "vantage-portal", Map.of(), 7200).serialize()).toList();

            Map<String, IntFunction<HttpRequest>> scenarios = new LinkedHashMap<>();
            scenarios.put("baseline: liveness",
                    i -> HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build());
            scenarios.put("POST /api/instances (launch)", i -> HttpRequest.newBuilder(URI.create(base
                    + "/api/instances")).header("Authorization", "Bearer " + people.get(i % people.size()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"planId\":" + plan
                            + ",\"experimentIds\":[\"EXP-CLOUD\"],\"name\":\"bench " + i + "\"}")).build());
            scenarios.put("GET /api/admin/overview", i -> HttpRequest.newBuilder(URI.create(base
                    + "/api/admin/overview")).header("Authorization", "Bearer " + admin).build());
            scenarios.put("GET /api/admin/providers", i -> HttpRequest.newBuilder(URI.create(base
                    + "/api/admin/providers")).header("Authorization", "Bearer " + admin).build());
            System.out.printf("%n%d clients per scenario, one request every %d ms each, %d s per scenario after 5 s "
                    + "of warm-up%n", clients, pace.toMillis(), duration.toSeconds());
            Map<String, Load.Result> fast = measure("the cloud answers at once", http, clients, duration, pace,
                    scenarios, null);
            cloud.delay(delay);
            measure("every cloud call answers after " + delay.toSeconds() + " s", http, clients, duration, pace,
                    scenarios, fast);
            Integer waiting = jdbc.queryForObject("select count(*) from instances where state = 'BUILDING' "
                    + "and compute_id is null", Integer.class);
            System.out.printf("%nAt the end, %d launched instances still waited for the slow cloud to answer their "
                    + "create.%n", waiting);
        } finally {
            app.close();
            cloud.close();
        }
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    /** Runs every scenario and prints it, against the baseline and (when given) the same scenario on a fast cloud. */
    private static Map<String, Load.Result> measure(String title, HttpClient http, int clients, Duration duration,
                                                    Duration pace, Map<String, IntFunction<HttpRequest>> scenarios,
                                                    Map<String, Load.Result> fast) throws InterruptedException {
        System.out.printf("%n%s%n%-34s %6s %7s %7s %7s %6s %9s %9s %s%n", title, "scenario", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "errors", "p95/base", "p95/fast", "p95 <= 200 ms");
        Map<String, Load.Result> results = new LinkedHashMap<>();
        Load.Result baseline = null;
        for (var scenario : scenarios.entrySet()) {
            Load.run(scenario.getKey(), http, clients, Duration.ofSeconds(5), pace, scenario.getValue());
            Load.Result r = Load.run(scenario.getKey(), http, clients, duration, pace, scenario.getValue());
            baseline = baseline == null ? r : baseline;
            results.put(scenario.getKey(), r);
            Load.Result same = fast == null ? null : fast.get(scenario.getKey());
            System.out.printf("%-34s %6.0f %7.1f %7.1f %7.1f %6d %9.1f %9s %s%n", r.name(), r.perSecond(),
                    r.p50() / 1e6, r.p95() / 1e6, r.p99() / 1e6, r.errors(), (double) r.p95() / baseline.p95(),
                    same == null ? "" : String.format("%.2f", (double) r.p95() / same.p95()),
                    r == baseline ? "" : r.p95() <= 200_000_000L ? "met" : "NOT MET");
        }
        return results;
    }

    private static void seedPeople(JdbcTemplate jdbc, int people) {
        jdbc.update("insert into instruments (id, name) values ('I-CLOUD', 'Bench instrument')");
        jdbc.update("insert into proposals (id, title) values ('P-CLOUD', 'Bench proposal')");
        jdbc.update("insert into experiments (id, proposal_id, instrument_id, title, start_date, end_date) values "
                + "('EXP-CLOUD', 'P-CLOUD', 'I-CLOUD', 'Bench', now(), now() + interval '3 days')");
        for (int i = 0; i < people; i++) {
            jdbc.update("insert into users (id, first_name, last_name, email) values (?, 'Cloud', 'Bench', ?)",
                    "cloud-bench-" + i, "cloud-bench-" + i + "@example.org");
            jdbc.update("insert into experiment_users (experiment_id, user_id, role) values ('EXP-CLOUD', ?, "
                    + "'PARTICIPANT')", "cloud-bench-" + i);
        }
        jdbc.update("insert into users (id, first_name, last_name, email) values ('bench-admin', 'Bench', 'Admin', "
                + "'bench-admin@example.org')");
    }

    /** The slow cloud as an admin adds it (answering quickly for that), then waits for its limits to be recorded. */
    private static long registerCloud(HttpClient http, String base, String admin, StatefulOpenStack cloud,
                                      JdbcTemplate jdbc) throws Exception {
        long provider = post(http, base, admin, "/api/admin/providers", Map.of("name", "slow", "type", "openstack",
                "settings", Map.of("auth-url", cloud.authUrl(), "region", "RegionOne", "username", "vantage",
                        "password", "swordfish", "project-id", StatefulOpenStack.PROJECT_ID,
                        "read-timeout", "60s"))).get("id").asLong();
        Long vnc = jdbc.queryForObject("select id from protocols where name = 'VNC'", Long.class);
        long image = post(http, base, admin, "/api/admin/images", Map.of("providerId", provider, "providerImageId",
                StatefulOpenStack.IMAGE_ID, "name", "Slow desktop", "visible", true, "protocolIds",
                List.of(vnc))).get("id").asLong();
        long flavour = post(http, base, admin, "/api/admin/flavours", Map.of("providerId", provider,
                "providerFlavourId", "m1.small", "name", "Slow small")).get("id").asLong();
        long plan = post(http, base, admin, "/api/admin/plans", Map.of("imageId", image, "flavourId", flavour))
                .get("id").asLong();
        for (int i = 0; i < 600; i++) {
            JsonNode view = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/providers/"
                    + provider)).header("Authorization", "Bearer " + admin).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (view.get("limitsAt") != null && !view.get("limitsAt").isNull()) {
                return plan;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the cloud's limits were never recorded");
    }

    private static JsonNode post(HttpClient http, String base, String token, String path, Object body)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
