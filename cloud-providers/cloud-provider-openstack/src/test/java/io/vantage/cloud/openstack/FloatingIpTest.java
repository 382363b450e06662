package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.vantage.cloud.openstack.FakeOpenStack.NOVA;
import static io.vantage.cloud.openstack.FakeOpenStack.json;
import static io.vantage.cloud.openstack.FakeOpenStack.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.Endpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a floating IP pool, running servers get a floating address and lose it before they are deleted. */
class FloatingIpTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PORTS = "/network/v2.0/ports?device_id=s-1";
    private static final String FLOATING_IPS = "/network/v2.0/floatingips";

    private final FakeOpenStack cloud = new FakeOpenStack(wm);
    private CloudProvider provider;

    @BeforeEach
    void setUp() {
        cloud.keystoneIssues("token-1");
        wm.stubFor(get(urlEqualTo(PORTS)).willReturn(json(200, """
                {"ports": [{"id": "port-1", "name": "", "network_id": "net-default", "device_id": "s-1",
                  "device_owner": "compute:nova", "mac_address": "fa:16:3e:4c:2c:30", "status": "ACTIVE",
                  "admin_state_up": true, "project_id": "%1$s", "tenant_id": "%1$s",
                  "fixed_ips": [{"subnet_id": "a0304c3a-4f08-4c43-88af-d796509c97d2", "ip_address": "10.0.0.12"}],
                  "security_groups": [], "allowed_address_pairs": [], "tags": []}]}"""
                .formatted(FakeOpenStack.PROJECT_ID))));
        wm.stubFor(get(urlEqualTo("/network/v2.0/networks?name=public")).willReturn(json(200, """
                {"networks": [{"id": "ext-net-id", "name": "public", "router:external": true, "status": "ACTIVE",
                  "subnets": [], "admin_state_up": true, "shared": false, "mtu": 1500}]}""")));
        provider = cloud.provider(cloud.settings().floatingIpPool("public"), Clock.systemUTC());
    }

    @Test
    void aRunningServerWithoutFloatingAddressGetsOneFromThePool() {
        cloud.novaGetServer("s-1", server("s-1", "ACTIVE", "active", "deploy-a", null, false));
        wm.stubFor(post(urlEqualTo(FLOATING_IPS)).willReturn(json(201, """
                {"floatingip": {"id": "fip-1", "floating_ip_address": "172.24.4.228", "floating_network_id":
                  "ext-net-id", "port_id": "port-1", "fixed_ip_address": "10.0.0.12", "status": "DOWN",
                  "router_id": "d23abc8d-2991-4a55-ba98-2aaea84cc72f", "project_id": "%s", "description": ""}}"""
                .formatted(FakeOpenStack.PROJECT_ID))));

        CloudInstance instance = provider.compute().get("s-1").orElseThrow();

        assertThat(instance.addresses()).containsExactly("10.0.0.12", "192.168.7.3", "172.24.4.228");
        assertThat(provider.network().endpoint(instance, 5901)).contains(new Endpoint("172.24.4.228", 5901));
        wm.verify(postRequestedFor(urlEqualTo(FLOATING_IPS)).withRequestBody(equalToJson(
                "{\"floatingip\": {\"floating_network_id\": \"ext-net-id\", \"port_id\": \"port-1\"}}", true, true)));
    }

    @Test
    void aServerThatHasAFloatingAddressKeepsIt() {
        cloud.novaGetServer("s-1", server("s-1", "ACTIVE", "active", "deploy-a", null, true));

        CloudInstance instance = provider.compute().get("s-1").orElseThrow();

        assertThat(provider.network().endpoint(instance, 8888)).contains(new Endpoint("172.24.4.20", 8888));
        wm.verify(0, postRequestedFor(urlEqualTo(FLOATING_IPS)));
    }

    @Test
    void aBuildingServerIsNotReachableYetAndGetsNoAddress() {
        cloud.novaGetServer("s-1", server("s-1", "BUILD", "building", "deploy-a", null, false));

        CloudInstance instance = provider.compute().get("s-1").orElseThrow();

        assertThat(provider.network().endpoint(instance, 5901)).isEmpty();
        wm.verify(0, getRequestedFor(urlEqualTo(PORTS)));
    }

    @Test
    void deleteReleasesTheFloatingAddressFirst() {
        wm.stubFor(get(urlEqualTo(FLOATING_IPS + "?port_id=port-1")).willReturn(json(200, """
                {"floatingips": [{"id": "fip-1", "floating_ip_address": "172.24.4.228", "port_id": "port-1",
                  "floating_network_id": "ext-net-id", "status": "ACTIVE"}]}""")));
        wm.stubFor(delete(urlEqualTo(FLOATING_IPS + "/fip-1")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(delete(urlEqualTo(NOVA + "/servers/s-1")).willReturn(aResponse().withStatus(204)));

        provider.compute().delete("s-1");

        // WireMock lists the newest request first.
        List<String> deletes = new ArrayList<>(wm.getAllServeEvents().stream()
                .map(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
                .filter(call -> call.startsWith("DELETE")).toList());
        Collections.reverse(deletes);
        assertThat(deletes).containsExactly("DELETE " + FLOATING_IPS + "/fip-1", "DELETE " + NOVA + "/servers/s-1");
    }
}
