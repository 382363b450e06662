package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.cloud.api.SettingDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxmoxProviderFactoryTest {

    @TempDir
    Path snippets;

    @Test
    void isFoundByServiceLoaderAndDeclaresEverySettingItReads() {
        CloudProviderFactory<?> factory = ServiceLoader.load(CloudProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.type().equals("proxmox")).findFirst().orElseThrow();

        List<String> read = Arrays.stream(factory.settingsType().getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "-$1").toLowerCase()).toList();
        assertThat(factory.settings()).extracting(SettingDescriptor::name).containsExactlyInAnyOrderElementsOf(read);
        assertThat(factory.settings()).filteredOn(SettingDescriptor::secret).extracting(SettingDescriptor::name)
                .containsExactly("token-secret");
    }

    @Test
    void invalidSettingsAreRefusedNamingEachSetting() {
        ProxmoxSettings bad = new ProxmoxSettings("http://pve.example.org:8006", "vantage-portal", " ", null,
                "not-a-fingerprint", Map.of("desktop", new ProxmoxSettings.Image(null, 12, List.of(5901))),
                Map.of("tiny", new ProxmoxSettings.Flavour(null, 0, 8, 0, null),
                        "gpu", new ProxmoxSettings.Flavour(null, 4, 8192, 1, null)),
                null, false, null, null, null, snippets.resolve("missing").toString(), null, -1, 0.0, null, null);

        assertThatThrownBy(() -> create(bad)).isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("setting api-url must be an https URL")
                .hasMessageContaining("setting token-id must be USER@REALM!TOKENID")
                .hasMessageContaining("setting token-secret is missing")
                .hasMessageContaining("setting fingerprint")
                .hasMessageContaining("setting images.desktop.template")
                .hasMessageContaining("setting flavours.tiny needs cores >= 1")
                .hasMessageContaining("setting flavours.gpu.gpu-mapping")
                .hasMessageContaining("setting snippets-storage is missing")
                .hasMessageContaining("setting snippets-dir: ")
                .hasMessageContaining("setting max-instances").hasMessageContaining("setting cpu-overcommit");
    }

    @Test
    void createsAProviderWithoutCallingTheCluster() {
        try (CloudProvider provider = create(settings("https://127.0.0.1:9", null))) {
            assertThat(provider.type()).isEqualTo("proxmox");
            assertThat(provider.catalogue().images()).singleElement().satisfies(image -> {
                assertThat(image.id()).isEqualTo("desktop");
                assertThat(image.properties()).containsEntry("template", "9000").containsEntry("ports", "5901,8888");
            });
            assertThat(provider.catalogue().flavours()).extracting(f -> f.id()).containsExactly("small", "gpu");
            assertThat(provider.checkHealth().up()).isFalse();
        }
    }

    @Test
    void theTokenIsSentAndAWrongOneNamesTheSettings() {
        try (FakeProxmox cluster = new FakeProxmox()) {
            ProxmoxSettings good = cluster.settings(snippets);
            assertThat(create(good).checkHealth().up()).isTrue();

            ProxmoxSettings wrong = new ProxmoxSettings(good.apiUrl(), good.tokenId(), "wrong-secret", null,
                    good.fingerprint(), good.images(), good.flavours(), null, false, null, null, "cephfs",
                    snippets.toString(), null, null, null, null, null);
            ProviderHealth health = create(wrong).checkHealth();
            assertThat(health.up()).isFalse();
            assertThat(health.message()).contains("HTTP 401", "token-id", "token-secret");
            assertThat(wrong.toString()).doesNotContain("wrong-secret").contains("tokenSecret=****");
        }
    }

    @Test
    void theCertificateIsPinnedByItsFingerprint() {
        try (FakeProxmox cluster = new FakeProxmox()) {
            String other = "AB:".repeat(31) + "AB";
            CloudProvider pinnedElsewhere = create(cluster.settings(snippets, other));

            assertThatThrownBy(() -> pinnedElsewhere.compute().list()).isInstanceOf(CloudPermanentException.class)
                    .hasMessageContaining("not the one in setting fingerprint");
            assertThat(create(cluster.settings(snippets, cluster.fingerprint().toLowerCase().replace(":", "")))
                    .compute().list()).isEmpty();
        }
    }

    @Test
    void withoutAPinOrCaTheJvmTrustStoreRefusesProxmoxsOwnCertificate() {
        try (FakeProxmox cluster = new FakeProxmox()) {
            CloudProvider unpinned = create(cluster.settings(snippets, null));

            assertThatThrownBy(() -> unpinned.compute().list()).isInstanceOf(CloudPermanentException.class)
                    .hasMessageContaining("TLS").hasMessageContaining("ca-cert-path");
        }
    }

    /** Certificates in src/test/resources/tls, made with keytool (RSA, 100 years) for these host names. */
    @Test
    void aCaFileIsTrustedAndTheHostNameChecked() throws Exception {
        try (FakeProxmox cluster = new FakeProxmox(resource("tls/localhost.p12"))) {
            assertThat(create(withCa(cluster, resource("tls/localhost.pem"))).compute().list()).isEmpty();
        }
        try (FakeProxmox cluster = new FakeProxmox(resource("tls/pve1.p12"))) {
            assertThatThrownBy(() -> create(withCa(cluster, resource("tls/pve1.pem"))).compute().list())
                    .isInstanceOf(CloudPermanentException.class).hasMessageContaining("localhost")
                    .hasMessageContaining("ca-cert-path");
        }
    }

    private ProxmoxSettings withCa(FakeProxmox cluster, Path ca) {
        ProxmoxSettings pinned = cluster.settings(snippets);
        return new ProxmoxSettings(pinned.apiUrl(), pinned.tokenId(), pinned.tokenSecret(), ca.toString(), null,
                pinned.images(), pinned.flavours(), null, false, null, null, "cephfs", snippets.toString(), null,
                null, null, null, null);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ProxmoxProviderFactoryTest.class.getResource("/" + name).toURI());
    }

    private ProxmoxSettings settings(String url, String fingerprint) {
        return new ProxmoxSettings(url, "vantage@pve!portal", "secret", null, fingerprint,
                Map.of("desktop", new ProxmoxSettings.Image("Desktop", 9000, List.of(5901, 8888))),
                Map.of("small", new ProxmoxSettings.Flavour("Small", 2, 4096, 0, null),
                        "gpu", new ProxmoxSettings.Flavour("GPU", 8, 32768, 1, "a100")),
                null, false, null, null, "cephfs", snippets.toString(), null, null, null, null, null);
    }

    private static CloudProvider create(ProxmoxSettings settings) {
        return new ProxmoxProviderFactory().create("pve", settings,
                new ProviderContext("portal-a", null, Duration.ofSeconds(2)));
    }
}
