package io.vantage.cloud.kubernetes;

import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesProviderFactoryTest {

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(CloudProviderFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(factory -> {
                    assertThat(factory.type()).isEqualTo("kubernetes");
                    assertThat(factory.settingsType()).isEqualTo(KubernetesSettings.class);
                });
    }

    @Test
    void createsAProviderWithoutCallingTheCluster() {
        // nothing listens on port 9 here: a call would fail, construction must not
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings("http://127.0.0.1:9"))) {
            assertThat(provider.type()).isEqualTo("kubernetes");
            assertThat(provider.name()).isEqualTo("k8s");
            assertThat(provider.catalogue().images()).extracting(i -> i.id()).containsExactly("desktop", "jupyter");
            assertThat(provider.catalogue().image("jupyter")).get()
                    .satisfies(i -> assertThat(i.properties()).containsEntry("ports", "8888"));
        }
    }

    @Test
    void flavoursReportTheHomeVolumeAsDisk() {
        KubernetesSettings settings = Fixtures.settings("http://127.0.0.1:9",
                new KubernetesSettings.Storage("20Gi", null, null));
        try (CloudProvider provider = Fixtures.provider(settings)) {
            assertThat(provider.catalogue().flavours()).containsExactly(
                    new CloudFlavour("small", "Small", 2, 4096, 0, 20), new CloudFlavour("gpu", "GPU", 8, 32768, 1, 20));
        }
    }

    @Test
    void invalidSettingsAreRejectedNamingEachSetting() {
        KubernetesSettings bad = new KubernetesSettings(null, null, null, null, false, "Not_A_Namespace",
                Map.of("broken", new KubernetesSettings.Image(null, " ", null, null, null, null, null, null, null)),
                Map.of("tiny", new KubernetesSettings.Flavour(null, 0, 512, 0, null, null)), null,
                new KubernetesSettings.Storage("lots", null, null), 1.5, null, null, null, null, null, false);

        assertThatThrownBy(() -> new KubernetesProviderFactory().create("k8s", bad,
                new ProviderContext("d", null, Duration.ofSeconds(1))))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("namespace").hasMessageContaining("images.broken.image")
                .hasMessageContaining("flavours.tiny").hasMessageContaining("request-ratio")
                .hasMessageContaining("storage.home-size");
    }

    @Test
    void toStringNeverShowsTheToken() {
        KubernetesSettings settings = Fixtures.settings("https://k8s.example:6443");

        assertThat(settings.toString()).doesNotContain("token-that-must-not-leak").contains("token=****")
                .contains("https://k8s.example:6443");
    }

    @Test
    void defaultsAreFilledIn() {
        KubernetesSettings sparse = new KubernetesSettings(null, null, null, null, false, "ns", null, null, null,
                null, null, null, null, null, null, null, false);

        assertThat(sparse.requestRatio()).isEqualTo(1.0);
        assertThat(sparse.gpuResource()).isEqualTo("nvidia.com/gpu");
        assertThat(sparse.faultGrace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new KubernetesSettings.Image(null, "img", null, null, null, null, null, null, null).secretEnv())
                .containsExactly("VANTAGE_SECRET");
    }
}
