package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.SettingDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalProviderFactoryTest extends LocalProviderTestSupport {

    @Test
    void isFoundByServiceLoaderAsTypeLocal() {
        assertThat(ServiceLoader.load(CloudProviderFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(factory -> {
                    assertThat(factory.type()).isEqualTo("local");
                    assertThat(factory.settingsType()).isEqualTo(LocalSettings.class);
                });
    }

    @Test
    void fillsDefaultsAndRejectsBadSettingsByName() {
        LocalSettings defaults = new LocalSettings(null, null, null, null, null, null, null, null, null, null, null,
                null);
        assertThat(defaults.workDir()).isEqualTo("./.vantage/local");
        assertThat(defaults.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(defaults.vncPort()).isEqualTo(5901);
        assertThat(defaults.jupyterPort()).isEqualTo(8888);
        assertThat(defaults.jupyterBaseUrl()).isEqualTo("/instances/{uid}/jupyter/");
        assertThat(defaults.firstDisplay()).isEqualTo(100);
        assertThat(defaults.stopGrace()).isEqualTo(Duration.ofSeconds(5));

        LocalSettings ipv6 = new LocalSettings(null, "::1", null, null, null, null, null, null, null, null, null,
                null);
        assertThatThrownBy(() -> LocalProviderFactory.validate("p", ipv6))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("bind-address");
        LocalSettings samePorts = new LocalSettings(null, null, 9000, 9000, null, null, null, null, null, null, null,
                null);
        assertThatThrownBy(() -> LocalProviderFactory.validate("p", samePorts)).hasMessageContaining("jupyter-port");
        LocalSettings noGrace = defaults.withStopGrace(Duration.ZERO);
        assertThatThrownBy(() -> LocalProviderFactory.validate("p", noGrace)).hasMessageContaining("stop-grace");
    }

    @Test
    void declaresEverySettingItReadsAndRejectsAnUnknownIsolation() {
        List<String> declared = new LocalProviderFactory().settings().stream().map(SettingDescriptor::name).toList();
        List<String> read = Arrays.stream(LocalSettings.class.getRecordComponents())
                .map(component -> component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT))
                .toList();
        assertThat(declared).containsExactlyElementsOf(read);
        assertThat(new LocalProviderFactory().settings()).noneMatch(SettingDescriptor::required);

        LocalSettings chroot = LocalSettings.defaults().withIsolation("chroot");
        assertThatThrownBy(() -> LocalProviderFactory.validate("p", chroot))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("isolation must be users or none");
        assertThat(LocalProviderFactory.validate("p", LocalSettings.defaults().withIsolation(" None ")).isolation())
                .isEqualTo("None");
    }

    @Test
    void creatingTheProviderTouchesNothingAndHealthCreatesTheWorkDir() {
        CloudProvider provider = provider();
        assertThat(provider.type()).isEqualTo("local");
        assertThat(Files.exists(workDir.resolve("instances"))).isFalse();

        assertThat(provider.checkHealth().up()).isTrue();
        assertThat(provider.checkHealth().message()).isEqualTo("OK");
    }

    @Test
    void healthIsDownWhenTheWorkDirCannotBeWritten() throws Exception {
        Files.writeString(workDir.resolve("file"), "not a folder");
        CloudProvider provider = provider(DEPLOYMENT, settings().withWorkDir(workDir.resolve("file/local").toString()));

        assertThat(provider.checkHealth().up()).isFalse();
        assertThat(provider.checkHealth().message()).contains("not writable");
    }

    @Test
    void cataloguesTwoImagesAndThreeAdvisorySizes() {
        CloudProvider provider = provider();

        assertThat(provider.catalogue().images()).extracting(CloudImage::id).containsExactly("desktop", "notebook");
        assertThat(provider.catalogue().image("desktop").orElseThrow().properties()).containsEntry("port", "5901");
        assertThat(provider.catalogue().flavours()).extracting(CloudFlavour::id)
                .containsExactly("small", "medium", "large");
    }

    @Test
    void refusesUnknownImagesFlavoursMissingSecretsAndTooManyInstances() {
        CloudProvider provider = provider(DEPLOYMENT, settings().withMaxInstances(0));
        InstanceMetadata metadata = new InstanceMetadata(DEPLOYMENT, "u", null, null, 800, 600, null, "s3cret-s3cret");
        InstanceMetadata noSecret = new InstanceMetadata(DEPLOYMENT, "u", null, null, 800, 600, null, " ");

        assertThatThrownBy(() -> provider.compute().create(
                new CreateInstanceRequest("n", "windows", "small", null, null, metadata, null)))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("desktop and notebook");
        assertThatThrownBy(() -> provider.compute().create(
                new CreateInstanceRequest("n", "desktop", "huge", null, null, metadata, null)))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("small, medium and large");
        assertThatThrownBy(() -> provider.compute().create(
                new CreateInstanceRequest("n", "desktop", "small", null, null, noSecret, null)))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> provider.compute().create(
                new CreateInstanceRequest("n", "desktop", "small", null, null, metadata, null)))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("max-instances");
        assertThatThrownBy(() -> provider.compute().start("local-0000000000000000"))
                .isInstanceOf(CloudPermanentException.class);
        assertThat(provider.compute().list()).isEmpty();
        assertThat(provider.limits().limits()).isEqualTo(new CloudLimits(0, null, null, null, 0, 0, 0, 0));
    }

    @Test
    void limitsCountTheAdvisorySizesOfThisDeployment() {
        CloudProvider provider = provider(DEPLOYMENT, settings().withMaxInstances(3));
        provider.compute().create(new CreateInstanceRequest("n", "desktop", "medium", null, null,
                new InstanceMetadata(DEPLOYMENT, "u", null, null, 800, 600, null, newSecret()), null));

        CloudLimits limits = provider.limits().limits();

        assertThat(limits.maxInstances()).isEqualTo(3);
        assertThat(limits.usedInstances()).isEqualTo(1);
        assertThat(limits.usedVcpu()).isEqualTo(2);
        assertThat(limits.usedMemoryMib()).isEqualTo(4096);
    }
}
