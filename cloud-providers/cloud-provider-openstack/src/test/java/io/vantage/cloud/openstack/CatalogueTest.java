package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.vantage.cloud.openstack.FakeOpenStack.NOVA;
import static io.vantage.cloud.openstack.FakeOpenStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudSecurityGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Glance images, Nova flavours with GPUs, Nova limits and Neutron security groups. */
class CatalogueTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeOpenStack cloud = new FakeOpenStack(wm);

    @BeforeEach
    void keystone() {
        cloud.keystoneIssues("token-1");
    }

    @Test
    void imagesComeFromGlanceV2WithTheirProperties() {
        wm.stubFor(get(urlPathEqualTo("/image/v2/images")).willReturn(json(200, """
                {"images": [{"status": "active", "name": "ubuntu-24.04-vantage", "tags": [],
                  "container_format": "bare", "created_at": "2025-01-01T10:00:00Z", "disk_format": "qcow2",
                  "updated_at": "2025-01-01T10:05:00Z", "visibility": "public",
                  "self": "/v2/images/1bea47ed-f6a9-463b-b423-14b9cca9ad27", "min_disk": 20, "protected": false,
                  "id": "1bea47ed-f6a9-463b-b423-14b9cca9ad27", "file": "/v2/images/1bea47ed/file",
                  "checksum": "64d7c1cd2b6f60c92c14662941cb7913", "os_hash_algo": "sha512", "os_hidden": false,
                  "owner": "5ef70662f8b34079a6eddb8da9d75fe8", "size": 3221225472, "min_ram": 2048,
                  "schema": "/v2/schemas/image", "virtual_size": null, "os_distro": "ubuntu",
                  "vantage_protocols": "vnc,jupyter"},
                 {"status": "queued", "name": "uploading", "tags": [], "id": "2", "visibility": "private",
                  "size": null, "protected": false}],
                 "schema": "/v2/schemas/images", "first": "/v2/images?limit=200"}""")));

        CloudProvider provider = cloud.provider();

        assertThat(provider.catalogue().images()).hasSize(2);
        CloudImage ubuntu = provider.catalogue().image("1bea47ed-f6a9-463b-b423-14b9cca9ad27").orElseThrow();
        assertThat(ubuntu.name()).isEqualTo("ubuntu-24.04-vantage");
        assertThat(ubuntu.status()).isEqualTo("active");
        assertThat(ubuntu.sizeBytes()).isEqualTo(3221225472L);
        assertThat(ubuntu.properties()).containsEntry("vantage_protocols", "vnc,jupyter")
                .containsEntry("os_distro", "ubuntu").containsEntry("visibility", "public")
                .containsEntry("min_ram", "2048");
        assertThat(provider.catalogue().image("2").orElseThrow().sizeBytes()).isZero();
        wm.verify(1, getRequestedFor(urlEqualTo("/image/v2/images?limit=200")));
    }

    @Test
    void flavoursCountGpusFromExtraSpecsAndAreCachedForTheTtl() {
        wm.stubFor(get(urlEqualTo(NOVA + "/flavors/detail")).willReturn(json(200, """
                {"flavors": [
                  {"OS-FLV-DISABLED:disabled": false, "disk": 40, "OS-FLV-EXT-DATA:ephemeral": 0,
                   "os-flavor-access:is_public": true, "id": "m1.large", "links": [], "name": "m1.large",
                   "ram": 8192, "swap": "", "vcpus": 4, "rxtx_factor": 1.0},
                  {"OS-FLV-DISABLED:disabled": false, "disk": 80, "OS-FLV-EXT-DATA:ephemeral": 0,
                   "os-flavor-access:is_public": true, "id": "g1.a100", "links": [], "name": "g1.a100",
                   "ram": 65536, "swap": "", "vcpus": 16, "rxtx_factor": 1.0},
                  {"OS-FLV-DISABLED:disabled": false, "disk": 80, "OS-FLV-EXT-DATA:ephemeral": 0,
                   "os-flavor-access:is_public": true, "id": "v1.vgpu", "links": [], "name": "v1.vgpu",
                   "ram": 16384, "swap": "", "vcpus": 8, "rxtx_factor": 1.0}]}""")));
        extraSpecs("m1.large", "{\"hw:cpu_policy\": \"shared\"}");
        extraSpecs("g1.a100", "{\"pci_passthrough:alias\": \"a100:2\"}");
        extraSpecs("v1.vgpu", "{\"resources:VGPU\": \"1\", \"trait:CUSTOM_NVIDIA_GRID\": \"required\"}");
        MutableClock clock = new MutableClock();
        CloudProvider provider = cloud.provider(cloud.settings().catalogueTtl(Duration.ofSeconds(60)), clock);

        assertThat(provider.catalogue().flavours()).containsExactly(
                new CloudFlavour("m1.large", "m1.large", 4, 8192, 0, 40),
                new CloudFlavour("g1.a100", "g1.a100", 16, 65536, 2, 80),
                new CloudFlavour("v1.vgpu", "v1.vgpu", 8, 16384, 1, 80));
        provider.catalogue().flavour("g1.a100");
        wm.verify(1, getRequestedFor(urlEqualTo(NOVA + "/flavors/detail")));

        clock.advance(Duration.ofSeconds(61));
        provider.catalogue().flavours();
        wm.verify(2, getRequestedFor(urlEqualTo(NOVA + "/flavors/detail")));
    }

    @Test
    void limitsComeFromNovaAbsoluteLimitsWithMinusOneAsNoLimit() {
        wm.stubFor(get(urlEqualTo(NOVA + "/limits")).willReturn(json(200, """
                {"limits": {"rate": [], "absolute": {
                  "maxServerMeta": 128, "maxPersonality": 5, "totalServerGroupsUsed": 0, "maxImageMeta": 128,
                  "maxPersonalitySize": 10240, "maxTotalKeypairs": 100, "maxSecurityGroupRules": 20,
                  "maxServerGroups": 10, "totalCoresUsed": 20, "totalRAMUsed": 40960, "totalInstancesUsed": 3,
                  "maxSecurityGroups": 10, "totalFloatingIpsUsed": 0, "maxTotalCores": 24,
                  "maxServerGroupMembers": 10, "maxTotalFloatingIps": 10, "totalSecurityGroupsUsed": 1,
                  "maxTotalInstances": -1, "maxTotalRAMSize": 51200}}}""")));

        CloudLimits limits = cloud.provider().limits().limits();

        assertThat(limits).isEqualTo(new CloudLimits(null, 24, 51200, null, 3, 20, 40960, 0));
        assertThat(limits.firstExceeded(8, 1024, 0)).startsWith("vCPUs (20 of 24 in use, 8 requested)");
    }

    @Test
    void securityGroupsComeFromNeutronForThisProjectOnly() {
        wm.stubFor(get(urlEqualTo("/network/v2.0/security-groups?project_id=" + FakeOpenStack.PROJECT_ID))
                .withHeader("X-Auth-Token", equalTo("token-1")).willReturn(json(200, """
                {"security_groups": [
                  {"id": "85cc3048-abc3-43cc-89b3-377341426ac5", "name": "default", "description": "Default group",
                   "project_id": "%1$s", "tenant_id": "%1$s", "security_group_rules": [], "revision_number": 1,
                   "tags": [], "stateful": true, "shared": false,
                   "created_at": "2025-01-01T10:00:00Z", "updated_at": "2025-01-01T10:00:00Z"},
                  {"id": "a9e5b2d4-0000-4bfa-9e44-0e1b1a2c3d4e", "name": "vantage-vnc",
                   "description": "VNC and Jupyter from the portal", "project_id": "%1$s", "tenant_id": "%1$s",
                   "security_group_rules": [], "revision_number": 3, "tags": [], "stateful": true, "shared": false,
                   "created_at": "2025-01-01T10:00:00Z", "updated_at": "2025-01-01T10:00:00Z"}]}"""
                .formatted(FakeOpenStack.PROJECT_ID))));

        assertThat(cloud.provider().securityGroups().list()).containsExactly(
                new CloudSecurityGroup("85cc3048-abc3-43cc-89b3-377341426ac5", "default", "Default group"),
                new CloudSecurityGroup("a9e5b2d4-0000-4bfa-9e44-0e1b1a2c3d4e", "vantage-vnc",
                        "VNC and Jupyter from the portal"));
    }

    @Test
    void securityGroupsComeFromNovaWhenTheCatalogueHasNoNeutron() {
        cloud.keystoneIssuesWithoutNeutron("token-1");
        wm.stubFor(get(urlEqualTo(NOVA + "/os-security-groups")).willReturn(json(200, """
                {"security_groups": [{"description": "default", "id": "1", "name": "default", "rules": [],
                  "tenant_id": "%s"}]}""".formatted(FakeOpenStack.PROJECT_ID))));

        assertThat(cloud.provider().securityGroups().list())
                .containsExactly(new CloudSecurityGroup("1", "default", "default"));
    }

    private static void extraSpecs(String flavourId, String specs) {
        wm.stubFor(get(urlEqualTo(NOVA + "/flavors/" + flavourId + "/os-extra_specs"))
                .willReturn(json(200, "{\"extra_specs\": " + specs + "}")));
    }

    /** A clock the test moves by hand, so cache expiry needs no sleeping. */
    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2030-01-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
