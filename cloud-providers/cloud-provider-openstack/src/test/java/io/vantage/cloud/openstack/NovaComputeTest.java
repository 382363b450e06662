package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.vantage.cloud.openstack.FakeOpenStack.NOVA;
import static io.vantage.cloud.openstack.FakeOpenStack.json;
import static io.vantage.cloud.openstack.FakeOpenStack.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NovaComputeTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeOpenStack cloud = new FakeOpenStack(wm);
    private Compute compute;

    @BeforeEach
    void setUp() {
        cloud.keystoneIssues("token-1");
        compute = cloud.provider().compute();
    }

    @Test
    void bootSendsTagsNetworksSecurityGroupsAndBase64UserData() {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(202, """
                {"server": {"OS-DCF:diskConfig": "AUTO", "adminPass": "6NpUwoz2QDRN",
                 "id": "f5dc173b-6804-445a-a6d8-c705dad5b5eb", "links": [],
                 "security_groups": [{"name": "vantage-vnc"}]}}""")));
        InstanceMetadata metadata = new InstanceMetadata(FakeOpenStack.DEPLOYMENT, "uid-42", "alice",
                List.of("exp-1", "exp-2"), 1920, 1080, "fr", "vnc-secret");
        String userData = "#cloud-config\nruncmd: [echo héllo]\n";

        CloudInstance created = compute.create(new CreateInstanceRequest("vantage-uid-42", "image-1", "flavour-2",
                List.of("net-a", "net-b"), List.of("vantage-vnc", "default"), metadata, userData));

        assertThat(created.computeId()).isEqualTo("f5dc173b-6804-445a-a6d8-c705dad5b5eb");
        assertThat(created.state()).isEqualTo(CloudState.BUILDING);
        assertThat(created.instanceUid()).contains("uid-42");
        String base64 = Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
        wm.verify(postRequestedFor(urlEqualTo(NOVA + "/servers"))
                .withHeader("X-Auth-Token", equalTo("token-1"))
                .withRequestBody(equalToJson("""
                        {"server": {"name": "vantage-uid-42", "imageRef": "image-1", "flavorRef": "flavour-2",
                          "networks": [{"uuid": "net-a"}, {"uuid": "net-b"}],
                          "security_groups": [{"name": "vantage-vnc"}, {"name": "default"}],
                          "metadata": {"vantage-deployment": "deploy-a", "vantage-instance": "uid-42",
                                       "vantage-owner": "alice", "vantage-experiments": "exp-1,exp-2",
                                       "vantage-screen": "1920x1080", "vantage-keyboard": "fr",
                                       "vantage-notebook-base-url": "/instances/uid-42/jupyter/",
                                       "vantage-secret": "vnc-secret"},
                          "user_data": "%s"}}""".formatted(base64), true, true)));
    }

    @Test
    void bootUsesTheConfiguredNetworksWhenTheRequestNamesNone() {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(202, "{\"server\": {\"id\": \"s-1\"}}")));
        InstanceMetadata metadata = new InstanceMetadata(FakeOpenStack.DEPLOYMENT, "uid-1", null, null, 1280, 720,
                null, null);

        compute.create(new CreateInstanceRequest("vm", "image-1", "flavour-2", null, null, metadata, null));

        LoggedRequest boot = wm.findAll(postRequestedFor(urlEqualTo(NOVA + "/servers"))).get(0);
        assertThat(boot.getBodyAsString()).contains("\"uuid\" : \"net-default\"").doesNotContain("user_data");
    }

    @Test
    void getReadsStateFaultAddressesAndHidesTheSecret() {
        cloud.novaGetServer("s-err", server("s-err", "ERROR", "error", "deploy-a",
                "No valid host was found. There are not enough hosts available."));

        CloudInstance instance = compute.get("s-err").orElseThrow();

        assertThat(instance.state()).isEqualTo(CloudState.ERROR);
        assertThat(instance.fault()).isEqualTo("No valid host was found. There are not enough hosts available.");
        assertThat(instance.addresses()).startsWith("10.0.0.12").endsWith("172.24.4.20").hasSize(3);
        assertThat(instance.tags()).containsEntry("vantage-instance", "uid-s-err").doesNotContainKey("vantage-secret");
        assertThat(instance.createdAt()).hasToString("2025-01-10T10:00:00Z");
    }

    @Test
    void getOfAServerThatIsGoneIsEmpty() {
        wm.stubFor(get(urlEqualTo(NOVA + "/servers/gone")).willReturn(json(404,
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance gone could not be found.\"}}")));

        assertThat(compute.get("gone")).isEmpty();
    }

    @Test
    void listKeepsOnlyThisDeploymentsServers() {
        cloud.novaListServers(server("mine-1", "ACTIVE", "active", "deploy-a", null),
                server("theirs", "ACTIVE", "active", "deploy-b", null),
                server("mine-2", "SHUTOFF", "stopped", "deploy-a", null));

        assertThat(compute.list()).extracting(CloudInstance::computeId).containsExactly("mine-1", "mine-2");
        assertThat(compute.list()).extracting(CloudInstance::state)
                .containsExactly(CloudState.RUNNING, CloudState.STOPPED);
    }

    @Test
    void listFollowsNovasPagesWithTheMarker() {
        String[] fullPage = IntStream.range(0, 200)
                .mapToObj(i -> server("s-" + i, "ACTIVE", "active", i % 2 == 0 ? "deploy-a" : "deploy-b", null))
                .toArray(String[]::new);
        wm.stubFor(get(urlPathEqualTo(NOVA + "/servers/detail")).withQueryParam("limit", equalTo("200"))
                .withQueryParam("marker", absent())
                .willReturn(json(200, "{\"servers\": [" + String.join(",", fullPage) + "]}")));
        wm.stubFor(get(urlPathEqualTo(NOVA + "/servers/detail")).withQueryParam("limit", equalTo("200"))
                .withQueryParam("marker", equalTo("s-199")).willReturn(json(200,
                "{\"servers\": [" + server("s-200", "ACTIVE", "active", "deploy-a", null) + "]}")));

        List<CloudInstance> ours = compute.list();

        assertThat(ours).hasSize(101).extracting(CloudInstance::computeId).contains("s-0", "s-198", "s-200")
                .doesNotContain("s-1");
    }

    @Test
    void startStopAndRebootPostNovaActions() {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers/s-1/action")).willReturn(aResponse().withStatus(202)));

        compute.start("s-1");
        compute.stop("s-1");
        compute.reboot("s-1");

        List<String> bodies = wm.findAll(postRequestedFor(urlEqualTo(NOVA + "/servers/s-1/action"))).stream()
                .map(LoggedRequest::getBodyAsString).map(body -> body.replaceAll("\\s", "")).toList();
        assertThat(bodies).containsExactly("{\"os-start\":{}}", "{\"os-stop\":{}}",
                "{\"reboot\":{\"type\":\"SOFT\"}}");
    }

    @Test
    void startingARunningServerIsDoneButAConflictInAnotherStateIsNot() {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers/s-1/action")).willReturn(json(409,
                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'start' instance s-1 while it is in"
                        + " vm_state active\"}}")));
        cloud.novaGetServer("s-1", server("s-1", "ACTIVE", "active", "deploy-a", null));

        compute.start("s-1");

        assertThatThrownBy(() -> compute.stop("s-1")).isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("Could not stop server s-1")
                .hasMessageContaining("Cannot 'start' instance s-1 while it is in vm_state active");
    }

    @Test
    void deleteIsIdempotent() {
        wm.stubFor(delete(urlEqualTo(NOVA + "/servers/s-1")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(delete(urlEqualTo(NOVA + "/servers/gone")).willReturn(json(404,
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance gone could not be found.\"}}")));

        compute.delete("s-1");
        compute.delete("gone");

        wm.verify(deleteRequestedFor(urlEqualTo(NOVA + "/servers/s-1")));
        wm.verify(deleteRequestedFor(urlEqualTo(NOVA + "/servers/gone")));
    }

    @Test
    void bootAnswered404IsPermanent() {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(404,
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Image not found.\"}}")));
        InstanceMetadata metadata = new InstanceMetadata("deploy-a", "uid-1", null, null, 1, 1, null, null);

        assertThatThrownBy(() -> compute.create(new CreateInstanceRequest("vm", "no-image", "f", null, null,
                metadata, null))).isInstanceOf(CloudPermanentException.class).hasMessageContaining("no-image");
    }

    @Test
    void findByInstanceUidAsksNovaByNameAndTrustsOnlyTheTags() {
        wm.stubFor(get(urlPathEqualTo(NOVA + "/servers/detail")).withQueryParam("name", equalTo("uid-77"))
                .willReturn(json(200, "{\"servers\": [" + server("s-other", "ACTIVE", "active", "deploy-b", null)
                        .replace("uid-s-other", "uid-77") + "," + server("s-77", "ACTIVE", "active",
                        FakeOpenStack.DEPLOYMENT, null).replace("uid-s-77", "uid-77") + "]}")));

        CloudInstance found = compute.findByInstanceUid("uid-77").orElseThrow();

        assertThat(found.computeId()).as("the other deployment's server of the same name is not ours")
                .isEqualTo("s-77");
        assertThat(compute.findByInstanceUid("uid-78")).isEmpty();
        wm.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(NOVA + "/servers/detail")).withQueryParam("name", absent()));
    }
}
