package io.vantage.cloud.kubernetes;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.SettingDescriptor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings of virtual machines: declared, and refused with the setting named when they cannot work. */
class VmSettingsTest {

    @Test
    void everySettingOfTheRecordIsDeclared() {
        List<String> read = Arrays.stream(KubernetesSettings.class.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "-$1").toLowerCase()).toList();

        assertThat(new KubernetesProviderFactory().settings()).extracting(SettingDescriptor::name)
                .containsExactlyInAnyOrderElementsOf(read).contains("mode", "use-spec-running");
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> Fixtures.provider(settings("vms", Map.of("d", containerDisk()), null)))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("setting mode must be 'pods' or 'virtual-machines', was 'vms'");
    }

    @Test
    void aClonedDiskNeedsAClaimAndASizeAndNoContainerDiskBesides() {
        Map<String, KubernetesSettings.Image> images = Map.of(
                "nosize", image(null, "vm-images/ubuntu", null),
                "badclaim", image(null, "ubuntu", "30Gi"),
                "both", image("registry.example/disk:1", "vm-images/ubuntu", "30Gi"),
                "nothing", image(null, null, null));

        assertThatThrownBy(() -> Fixtures.provider(settings(KubernetesSettings.VIRTUAL_MACHINES, images,
                new KubernetesSettings.Storage("10Gi", null, null))))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("setting images.nosize.disk-size must be a quantity")
                .hasMessageContaining("setting images.badclaim.clone-from must be namespace/claim-name")
                .hasMessageContaining("setting images.both must set either image (a containerDisk) or clone-from")
                .hasMessageContaining("images.nothing.image must name a container image")
                .hasMessageContaining("setting storage.home-size is for mode pods");
    }

    @Test
    void settingsOfVirtualMachinesAreRefusedForPods() {
        KubernetesSettings pods = new KubernetesSettings("http://127.0.0.1:9", null, null, null, false, "ns",
                Map.of("disk", image("registry.example/disk:1", "vm-images/ubuntu", "30Gi")),
                Map.of("gpu", new KubernetesSettings.Flavour("GPU", 4, 8192, 1, "nvidia.com/GA102GL_A10", null)),
                null, null, null, null, null, null, null, null, false);

        assertThatThrownBy(() -> Fixtures.provider(pods)).isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("setting images.disk.clone-from and disk-size are for mode virtual-machines")
                .hasMessageContaining("setting flavours.gpu.gpu-device and host-devices are for mode virtual-machines");
    }

    @Test
    void theCatalogueShowsWhereAVirtualMachinesDiskComesFrom() {
        try (CloudProvider provider = Fixtures.provider(VmFixtures.settings("http://127.0.0.1:9", false))) {
            assertThat(provider.catalogue().image("persistent")).get().satisfies(image -> assertThat(
                    image.properties()).containsEntry("clone-from", "vm-images/ubuntu-2404-vantage")
                    .doesNotContainKey("image"));
            assertThat(provider.checkHealth().up()).isFalse();
        }
    }

    private static KubernetesSettings settings(String mode, Map<String, KubernetesSettings.Image> images,
                                               KubernetesSettings.Storage storage) {
        return new KubernetesSettings("http://127.0.0.1:9", null, null, null, false, "ns", images,
                Map.of("small", new KubernetesSettings.Flavour("Small", 2, 4096, 0, null, null)), null, storage,
                null, null, null, null, null, mode, false);
    }

    private static KubernetesSettings.Image containerDisk() {
        return image("registry.example/disk:1", null, null);
    }

    private static KubernetesSettings.Image image(String image, String cloneFrom, String diskSize) {
        return new KubernetesSettings.Image(null, image, List.of(5901), null, null, null, null, cloneFrom, diskSize);
    }
}
