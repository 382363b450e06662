package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.PortalTest;
import io.vantage.api.security.AccessRules.Outcome;
import io.vantage.api.security.AccessRules.Persona;
import io.vantage.api.security.AccessRules.Rule;

/**
 * Every API endpoint × every kind of caller (anonymous, owner, member, guest, stranger, support staff, admin) gets
 * the access {@link AccessRules} says. Each case runs on a fresh instance so no call changes another's outcome.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Map<Persona, String> tokens = new EnumMap<>(Persona.class);
    long planId;

    @BeforeAll
    void fixtures() {
        jdbc.update("""
                insert into users (id, last_name) values ('matrix-guest', 'Guest'), ('matrix-stranger', 'Stranger'),
                       ('matrix-target', 'Target'), ('matrix-target2', 'Target Two') on conflict do nothing""");
        jdbc.update("insert into cloud_providers (name, type, enabled) values ('matrix', 'LOCAL', false) on conflict do nothing");
        jdbc.update("""
                insert into images (name, provider_id, provider_image_id, default_protocol_id)
                select 'Matrix image', p.id, 'matrix', pr.id from cloud_providers p, protocols pr
                where p.name = 'matrix' and pr.name = 'VNC'""");
        jdbc.update("""
                insert into image_protocols (image_id, protocol_id)
                select id, default_protocol_id from images where provider_image_id = 'matrix'""");
        jdbc.update("""
                insert into flavours (name, cpu, memory_mib, provider_id, provider_flavour_id)
                select 'Matrix size', 1, 1024, id, 'matrix' from cloud_providers where name = 'matrix'""");
        planId = jdbc.queryForObject("""
                insert into plans (image_id, flavour_id) select i.id, f.id from images i, flavours f
                where i.provider_image_id = 'matrix' and f.provider_flavour_id = 'matrix' returning id""", Long.class);
        Map<Persona, String> users = Map.of(Persona.OWNER, "1001", Persona.MEMBER, "1002", Persona.GUEST, "matrix-guest",
                Persona.STRANGER, "matrix-stranger", Persona.SUPPORT, "3001", Persona.ADMIN, "admin");
        users.forEach((persona, id) -> tokens.put(persona,
                oidc.server().issueToken("vantage", id, "vantage-portal", Map.of(), 3600).serialize()));
    }

    /** A fresh ACTIVE instance with an owner, a full member, a guest and a pending support access request. */
    private Map<String, String> newInstance(int n) {
        String uid = "matrix" + String.format("%06d", n);
        Long id = jdbc.queryForObject("""
                insert into instances (uid, name, plan_id, provider_id, state, screen_width, screen_height, access_secret,
                                       compute_id, termination_date)
                select ?, 'Matrix', p.id, i.provider_id, 'ACTIVE', 1280, 800, 's', 'none', now() + interval '5 days'
                from plans p join images i on i.id = p.image_id where p.id = ? returning id""", Long.class, uid, planId);
        jdbc.update("""
                insert into instance_members (instance_id, user_id, role) values (?, '1001', 'OWNER'), (?, '1002', 'USER'),
                       (?, 'matrix-guest', 'GUEST'), (?, 'matrix-target', 'USER')""", id, id, id, id);
        Long request = jdbc.queryForObject("""
                insert into instance_access_requests (instance_id, requester_id, reason) values (?, 'admin', 'matrix')
                returning id""", Long.class, id);
        return Map.of("uid", uid, "userId", "matrix-target", "id", String.valueOf(request), "token", "not-a-token",
                "providerId", "999999", "limitId", "999999", "ruleId", "999999", "name", "NO_SUCH_ROLE", "role", "STAFF");
    }

    @Test
    void everyApiEndpointHasARule() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + pattern))));
        Set<String> ruled = new TreeSet<>();
        AccessRules.all().forEach(rule -> ruled.add(rule.key()));
        assertThat(endpoints).as("endpoints without an access rule in AccessRules").isSubsetOf(ruled);
        assertThat(ruled).as("rules for endpoints that do not exist").isSubsetOf(endpoints);
    }

    @Test
    void everyCallerGetsTheExpectedAccess() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        for (Rule rule : AccessRules.all()) {
            for (Persona persona : Persona.values()) {
                Map<String, String> fixture = newInstance(n++);
                int status = call(rule, persona, fixture);
                Outcome expected = rule.kind().expected(persona);
                if (!matches(expected, status, rule.kind().instanceScoped() || rule.pattern().contains("{uid}"))) {
                    mismatches.add(rule.key() + " as " + persona + ": expected " + expected + ", got " + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static boolean matches(Outcome expected, int status, boolean onFixtureInstance) {
        return switch (expected) {
            case UNAUTHENTICATED -> status == 401;
            case FORBIDDEN -> status == 403;
            case HIDDEN -> status == 404;
            case ALLOW -> status != 401 && status != 403 && !(onFixtureInstance && status == 404) && status < 500;
        };
    }

    private int call(Rule rule, Persona persona, Map<String, String> fixture) throws Exception {
        String path = rule.pattern();
        for (Map.Entry<String, String> variable : fixture.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        if (path.equals("/api/users/search")) {
            path += "?q=Fr";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (persona != Persona.ANONYMOUS) {
            request.header("Authorization", "Bearer " + tokens.get(persona));
        }
        HttpRequest.BodyPublisher body = rule.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(rule.body()));
        request.header("Content-Type", "application/json").method(rule.method(), body);
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close(); // the event stream never ends: the status is all that matters
        return response.statusCode();
    }
}
