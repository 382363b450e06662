package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.ProviderContext;
import java.time.Clock;
import java.time.Duration;

/**
 * WireMock shaped like a small OpenStack: Keystone at /identity/v3, Nova at /compute/v2.1, Glance at /image,
 * Neutron at /network. Bodies follow the OpenStack API reference examples.
 */
final class FakeOpenStack {

    static final String DEPLOYMENT = "deploy-a";
    static final String PROJECT_ID = "8538a3f13f9541b28c2620eb19065e45";
    static final String TOKENS = "/identity/v3/auth/tokens";
    static final String NOVA = "/compute/v2.1";

    private final WireMockExtension wm;

    FakeOpenStack(WireMockExtension wm) {
        this.wm = wm;
    }

    String baseUrl() {
        return wm.baseUrl();
    }

    TestSettings settings() {
        return new TestSettings().authUrl(baseUrl() + "/identity").region("RegionOne");
    }

    CloudProvider provider() {
        return provider(settings(), Clock.systemUTC());
    }

    CloudProvider provider(TestSettings settings, Clock clock) {
        return new OpenStackProviderFactory().create("test-cloud", settings.build(),
                new ProviderContext(DEPLOYMENT, clock, Duration.ofSeconds(5)));
    }

    /** Keystone issues {@code tokenId} valid until 2099. */
    void keystoneIssues(String tokenId) {
        wm.stubFor(post(urlEqualTo(TOKENS)).willReturn(token(tokenId, "2099-01-01T00:00:00.000000Z")));
    }

    ResponseDefinitionBuilder token(String tokenId, String expiresAt) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withHeader("X-Subject-Token", tokenId).withBody(tokenBody(expiresAt));
    }

    /** A cloud whose catalogue has no Neutron (nova-network era, or a restricted catalogue). */
    void keystoneIssuesWithoutNeutron(String tokenId) {
        String body = tokenBody("2099-01-01T00:00:00.000000Z")
                .replace(service("network", "neutron", baseUrl() + "/network") + ",", "");
        wm.stubFor(post(urlEqualTo(TOKENS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("X-Subject-Token", tokenId).withBody(body)));
    }

    void novaGetServer(String id, String serverJson) {
        wm.stubFor(get(urlEqualTo(NOVA + "/servers/" + id)).willReturn(json(200, "{\"server\": " + serverJson + "}")));
    }

    void novaListServers(String... serversJson) {
        wm.stubFor(get(urlPathEqualTo(NOVA + "/servers/detail"))
                .willReturn(json(200, "{\"servers\": [" + String.join(",", serversJson) + "]}")));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A server as GET /servers/{id} shows it; {@code fault} is only set by Nova in ERROR. */
    static String server(String id, String status, String vmState, String deployment, String fault) {
        return server(id, status, vmState, deployment, fault, true);
    }

    static String server(String id, String status, String vmState, String deployment, String fault,
                         boolean withFloatingIp) {
        String floating = withFloatingIp ? """
                   ,{"OS-EXT-IPS-MAC:mac_addr": "fa:16:3e:4c:2c:30", "version": 4, "addr": "172.24.4.20",
                    "OS-EXT-IPS:type": "floating"}""" : "";
        return """
                {"id": "%s", "name": "vantage-%s", "status": "%s", "tenant_id": "%s",
                 "user_id": "fake-user", "hostId": "e2e4fd6b0f4a", "created": "2025-01-10T10:00:00Z",
                 "updated": "2025-01-10T10:01:00Z", "progress": 0, "accessIPv4": "", "accessIPv6": "",
                 "image": {"id": "70a599e0-31e7-49b7-b260-868f441e862b", "links": []},
                 "flavor": {"id": "2", "links": []},
                 "metadata": {"vantage-deployment": "%s", "vantage-instance": "uid-%s", "vantage-secret": "s3cret"},
                 "addresses": {"private": [
                   {"OS-EXT-IPS-MAC:mac_addr": "fa:16:3e:4c:2c:30", "version": 4, "addr": "10.0.0.12",
                    "OS-EXT-IPS:type": "fixed"}%s],
                   "data": [{"OS-EXT-IPS-MAC:mac_addr": "fa:16:3e:11:11:11", "version": 4, "addr": "192.168.7.3",
                    "OS-EXT-IPS:type": "fixed"}]},
                 "links": [], "key_name": null, "config_drive": "", "OS-DCF:diskConfig": "MANUAL",
                 "OS-EXT-AZ:availability_zone": "nova", "OS-EXT-STS:power_state": 1,
                 "OS-EXT-STS:task_state": null, "OS-EXT-STS:vm_state": "%s",
                 "OS-SRV-USG:launched_at": "2025-01-10T10:00:30.000000", "OS-SRV-USG:terminated_at": null,
                 "os-extended-volumes:volumes_attached": [], "security_groups": [{"name": "default"}]%s}
                """.formatted(id, id, status, PROJECT_ID, deployment, id, floating, vmState,
                fault == null ? "" : ", \"fault\": {\"code\": 500, \"created\": \"2025-01-10T10:00:40Z\", "
                        + "\"message\": \"" + fault + "\", \"details\": \"Traceback (most recent call last): ...\"}");
    }

    private String tokenBody(String expiresAt) {
        String base = baseUrl();
        return """
                {"token": {
                  "methods": ["password"], "is_domain": false,
                  "expires_at": "%s", "issued_at": "2025-01-10T09:00:00.000000Z",
                  "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
                  "user": {"domain": {"id": "default", "name": "Default"}, "id": "ee4dfb6e5540447cb3741905149d9b6e",
                           "name": "vantage", "password_expires_at": null},
                  "project": {"domain": {"id": "default", "name": "Default"}, "id": "%s", "name": "vantage"},
                  "roles": [{"id": "51cc68287d524c759f47c811e6463340", "name": "member"}],
                  "catalog": [
                    %s, %s, %s, %s
                  ]}}
                """.formatted(expiresAt, PROJECT_ID,
                service("compute", "nova", base + NOVA),
                service("image", "glance", base + "/image"),
                service("network", "neutron", base + "/network"),
                service("identity", "keystone", base + "/identity/v3"));
    }

    // Each service also lists an internal endpoint and another region, which the provider must not pick.
    private static String service(String type, String name, String publicUrl) {
        return """
                {"type": "%s", "name": "%s", "id": "%s-id", "endpoints": [
                  {"id": "%s-internal", "interface": "internal", "region": "RegionOne", "region_id": "RegionOne",
                   "url": "http://internal.invalid:1/%s"},
                  {"id": "%s-other", "interface": "public", "region": "RegionTwo", "region_id": "RegionTwo",
                   "url": "http://region-two.invalid:1/%s"},
                  {"id": "%s-public", "interface": "public", "region": "RegionOne", "region_id": "RegionOne",
                   "url": "%s"}]}
                """.formatted(type, name, type, type, type, type, type, type, publicUrl);
    }
}
