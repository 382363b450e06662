package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OpenStack that keeps state, over real HTTP (WireMock), shaped like Keystone v3, Nova 2.1 and Glance v2 answer
 * (bodies as in the API reference): servers are created, listed (with Nova's {@code name} regex filter), read,
 * acted on and deleted; {@code /limits} counts them against the quotas set here. Faults: a fixed delay on every
 * answer, a create whose server is made but whose answer is lost, and answers of 503. For portal tests and benchmarks.
 */
public final class StatefulOpenStack implements AutoCloseable {

    public static final String NOVA = "/compute/v2.1";
    public static final String IMAGE_ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    public static final String PROJECT_ID = FakeOpenStack.PROJECT_ID;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Flavour id → vCPUs, RAM MiB. */
    private static final Map<String, int[]> FLAVOURS = Map.of("m1.small", new int[] {1, 2048},
            "m1.medium", new int[] {2, 4096});

    /** A server as Nova keeps it. */
    public record Server(String id, String name, Map<String, String> metadata, String flavourId, Instant created,
                         String status) {

        Server withStatus(String newStatus) {
            return new Server(id, name, metadata, flavourId, created, newStatus);
        }
    }

    private final WireMockServer wm;
    private final Map<String, Server> servers = new ConcurrentHashMap<>();
    private final AtomicInteger lostCreates = new AtomicInteger();
    private final AtomicInteger creates = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration buildTime = Duration.ofMillis(500);
    private volatile boolean unavailable;
    private volatile int maxInstances = -1;
    private volatile int maxCores = -1;
    private volatile int maxRamMib = -1;

    public StatefulOpenStack() {
        wm = new WireMockServer(options().dynamicPort().extensions(new Nova()));
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(aResponse()));
    }

    /** Keystone v3, for the provider's {@code auth-url}. */
    public String authUrl() {
        return wm.baseUrl() + "/identity/v3";
    }

    public WireMockServer wireMock() {
        return wm;
    }

    /** Every answer comes this late (the work itself is done at once, as a slow API would). */
    public void delay(Duration value) {
        delay = value;
    }

    /** The next {@code count} creates make their server but the connection breaks before the answer. */
    public void loseCreateAnswers(int count) {
        lostCreates.set(count);
    }

    /** Every call answers 503 while set. */
    public void unavailable(boolean value) {
        unavailable = value;
    }

    /** The project's quotas; -1 is no limit. */
    public void quotas(int instances, int cores, int ramMib) {
        maxInstances = instances;
        maxCores = cores;
        maxRamMib = ramMib;
    }

    /** A server someone else made in the same project (it uses quota; the portal does not know it). */
    public Server addServer(String name, Map<String, String> metadata, String flavourId, Instant created) {
        Server server = new Server(UUID.randomUUID().toString(), name, Map.copyOf(metadata), flavourId, created,
                "ACTIVE");
        servers.put(server.id(), server);
        return server;
    }

    public List<Server> servers() {
        return servers.values().stream().map(this::current).sorted(Comparator.comparing(Server::created)).toList();
    }

    /** How many times a server was asked for (POST /servers), lost answers included. */
    public int creates() {
        return creates.get();
    }

    @Override
    public void close() {
        wm.stop();
    }

    private Server current(Server server) {
        return server.status().equals("BUILD") && server.created().plus(buildTime).isBefore(Instant.now())
                ? server.withStatus("ACTIVE") : server;
    }

    private final class Nova implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "stateful-openstack";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            ResponseDefinitionBuilder answer;
            try {
                answer = unavailable ? json(503, "{\"computeFault\": {\"code\": 503, \"message\": \"Service "
                        + "Unavailable\"}}") : route(request.getMethod().getName(), URI.create(request.getUrl()),
                        request.getBodyAsString());
            } catch (RuntimeException e) {
                answer = json(500, "{\"computeFault\": {\"code\": 500, \"message\": \"" + e + "\"}}");
            }
            return answer.withFixedDelay((int) delay.toMillis()).build();
        }

        private ResponseDefinitionBuilder route(String method, URI uri, String body) {
            String path = uri.getPath();
            if (method.equals("POST") && path.equals("/identity/v3/auth/tokens")) {
                return json(201, token()).withHeader("X-Subject-Token", "token-" + UUID.randomUUID());
            }
            if (path.equals("/image/v2/images")) {
                return json(200, """
                        {"images": [{"status": "active", "name": "vantage-analysis", "id": "%s", "size": 3221225472,
                          "visibility": "public", "protected": false, "tags": [], "min_disk": 20, "min_ram": 2048}],
                         "schema": "/v2/schemas/images"}""".formatted(IMAGE_ID));
            }
            if (path.equals(NOVA + "/limits")) {
                return json(200, limits());
            }
            if (path.equals(NOVA + "/flavors/detail")) {
                List<String> flavours = new ArrayList<>();
                FLAVOURS.forEach((id, size) -> flavours.add("""
                        {"id": "%s", "name": "%s", "vcpus": %d, "ram": %d, "disk": 20, "links": [],
                         "OS-FLV-DISABLED:disabled": false, "os-flavor-access:is_public": true}"""
                        .formatted(id, id, size[0], size[1])));
                return json(200, "{\"flavors\": [" + String.join(",", flavours) + "]}");
            }
            if (path.startsWith(NOVA + "/flavors/") && path.endsWith("/os-extra_specs")) {
                return json(200, "{\"extra_specs\": {}}");
            }
            if (method.equals("GET") && path.equals(NOVA + "/servers/detail")) {
                return json(200, list(query(uri).get("name")));
            }
            if (method.equals("POST") && path.equals(NOVA + "/servers")) {
                return create(body);
            }
            if (path.startsWith(NOVA + "/servers/")) {
                String rest = path.substring((NOVA + "/servers/").length());
                String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                Server server = servers.get(id);
                if (server == null) {
                    return json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance " + id
                            + " could not be found.\"}}");
                }
                return switch (method) {
                    case "GET" -> json(200, "{\"server\": " + serverJson(current(server)) + "}");
                    case "DELETE" -> {
                        servers.remove(id);
                        yield aResponse().withStatus(204);
                    }
                    default -> action(server, body);
                };
            }
            return json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"No route " + path + "\"}}");
        }

        private ResponseDefinitionBuilder create(String body) {
            JsonNode server = read(body).path("server");
            Map<String, String> metadata = new LinkedHashMap<>();
            server.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
            creates.incrementAndGet();
            Server made = new Server(UUID.randomUUID().toString(), server.path("name").asText(), metadata,
                    server.path("flavorRef").asText(), Instant.now(), "BUILD");
            servers.put(made.id(), made);
            if (lostCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            }
            return json(202, """
                    {"server": {"id": "%s", "links": [], "OS-DCF:diskConfig": "MANUAL", "adminPass": "p4ss",
                      "security_groups": [{"name": "default"}]}}""".formatted(made.id()));
        }

        private ResponseDefinitionBuilder action(Server server, String body) {
            JsonNode action = read(body);
            String status = action.has("os-stop") ? "SHUTOFF" : action.has("os-start") || action.has("reboot")
                    ? "ACTIVE" : server.status();
            servers.put(server.id(), server.withStatus(status));
            return aResponse().withStatus(202);
        }

        private String list(String nameFilter) {
            List<String> found = new ArrayList<>();
            for (Server server : servers()) {
                if (nameFilter == null || server.name().matches(".*(" + nameFilter + ").*")) {
                    found.add(serverJson(server));
                }
            }
            return "{\"servers\": [" + String.join(",", found) + "]}";
        }

        private String limits() {
            int cores = 0;
            int ram = 0;
            for (Server server : servers.values()) {
                int[] size = FLAVOURS.getOrDefault(server.flavourId(), new int[] {1, 1024});
                cores += size[0];
                ram += size[1];
            }
            return """
                    {"limits": {"rate": [], "absolute": {"maxTotalInstances": %d, "totalInstancesUsed": %d,
                      "maxTotalCores": %d, "totalCoresUsed": %d, "maxTotalRAMSize": %d, "totalRAMUsed": %d,
                      "maxServerMeta": 128, "maxTotalKeypairs": 100, "maxSecurityGroups": 10}}}"""
                    .formatted(maxInstances, servers.size(), maxCores, cores, maxRamMib, ram);
        }

        private String serverJson(Server server) {
            String metadata;
            try {
                metadata = JSON.writeValueAsString(server.metadata());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return """
                    {"id": "%s", "name": "%s", "status": "%s", "tenant_id": "%s", "user_id": "vantage",
                     "created": "%s", "updated": "%s", "hostId": "e2e4fd6b0f4a", "progress": 0,
                     "image": {"id": "%s", "links": []}, "flavor": {"id": "%s", "links": []},
                     "metadata": %s,
                     "addresses": {"private": [{"OS-EXT-IPS-MAC:mac_addr": "fa:16:3e:4c:2c:30", "version": 4,
                       "addr": "127.0.0.1", "OS-EXT-IPS:type": "fixed"}]},
                     "links": [], "key_name": null, "OS-EXT-STS:vm_state": "%s", "OS-EXT-STS:task_state": null,
                     "OS-EXT-STS:power_state": 1, "security_groups": [{"name": "default"}]}"""
                    .formatted(server.id(), server.name(), server.status(), FakeOpenStack.PROJECT_ID,
                            server.created(), server.created(), IMAGE_ID, server.flavourId(), metadata,
                            server.status().equals("SHUTOFF") ? "stopped" : server.status().toLowerCase());
        }

        private String token() {
            String base = wm.baseUrl();
            return """
                    {"token": {"methods": ["password"], "expires_at": "2099-01-01T00:00:00.000000Z",
                      "issued_at": "2025-01-10T09:00:00.000000Z", "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
                      "user": {"domain": {"id": "default", "name": "Default"}, "id": "ee4dfb6e", "name": "vantage"},
                      "project": {"domain": {"id": "default", "name": "Default"}, "id": "%s", "name": "vantage"},
                      "roles": [{"id": "51cc6828", "name": "member"}],
                      "catalog": [%s, %s, %s]}}""".formatted(FakeOpenStack.PROJECT_ID,
                    service("compute", base + NOVA), service("image", base + "/image"),
                    service("identity", base + "/identity/v3"));
        }

        private String service(String type, String url) {
            return """
                    {"type": "%s", "name": "%s", "id": "%s-id", "endpoints": [{"id": "%s-public",
                      "interface": "public", "region": "RegionOne", "region_id": "RegionOne", "url": "%s"}]}"""
                    .formatted(type, type, type, type, url);
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : java.net.URLDecoder.decode(
                        pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
