package io.vantage.cloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FlavourGpusTest {

    @Test
    void countsPlacementGpuResourcesIncludingNumberedGroups() {
        assertThat(FlavourGpus.count(Map.of("resources:VGPU", "1"))).isEqualTo(1);
        assertThat(FlavourGpus.count(Map.of("resources1:VGPU", "1", "resources2:VGPU", "2"))).isEqualTo(3);
        assertThat(FlavourGpus.count(Map.of("resources:CUSTOM_NVIDIA_A100_GPU", "4"))).isEqualTo(4);
    }

    @Test
    void countsPciPassthroughAliases() {
        assertThat(FlavourGpus.count(Map.of("pci_passthrough:alias", "a100:2"))).isEqualTo(2);
        assertThat(FlavourGpus.count(Map.of("pci_passthrough:alias", "a100:2, t4:1"))).isEqualTo(3);
        assertThat(FlavourGpus.count(Map.of("pci_passthrough:alias", "t4"))).isEqualTo(1);
    }

    @Test
    void ignoresOtherResourcesAndNonsense() {
        assertThat(FlavourGpus.count(Map.of("resources:VCPU", "8", "hw:cpu_policy", "dedicated"))).isZero();
        assertThat(FlavourGpus.count(Map.of("resources:VGPU", "lots"))).isZero();
        assertThat(FlavourGpus.count(null)).isZero();
    }
}
