package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;

import java.util.ArrayList;
import java.util.List;

/** The settings that choose pods or virtual machines, and those only virtual machines read. */
final class VmSettingsCheck {

    private VmSettingsCheck() {
    }

    static List<String> problems(KubernetesSettings settings) {
        List<String> problems = new ArrayList<>();
        if (!KubernetesSettings.PODS.equals(settings.mode()) && !settings.virtualMachines()) {
            problems.add("setting mode must be '" + KubernetesSettings.PODS + "' or '"
                    + KubernetesSettings.VIRTUAL_MACHINES + "', was '" + settings.mode() + "'");
            return problems;
        }
        boolean vms = settings.virtualMachines();
        settings.images().forEach((id, image) -> {
            if (image == null) {
                return;
            }
            if (!vms && (image.cloneFrom() != null || image.diskSize() != null)) {
                problems.add("setting images." + id + ".clone-from and disk-size are for mode virtual-machines");
            }
            if (vms && image.cloneFrom() != null) {
                if (!KubernetesSettings.blank(image.image())) {
                    problems.add("setting images." + id + " must set either image (a containerDisk) or clone-from, "
                            + "not both");
                }
                if (!image.cloneFrom().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-.a-z0-9]*[a-z0-9])?")) {
                    problems.add("setting images." + id + ".clone-from must be namespace/claim-name, was '"
                            + image.cloneFrom() + "'");
                }
                if (!quantity(image.diskSize())) {
                    problems.add("setting images." + id + ".disk-size must be a quantity such as 30Gi, was '"
                            + image.diskSize() + "'");
                }
            }
        });
        settings.flavours().forEach((id, flavour) -> {
            if (flavour != null && !vms && (flavour.gpuDevice() != null || !flavour.hostDevices().isEmpty())) {
                problems.add("setting flavours." + id + ".gpu-device and host-devices are for mode virtual-machines");
            }
        });
        if (vms && Manifests.wantsHome(settings)) {
            problems.add("setting storage.home-size is for mode pods: a virtual machine keeps its disk across stop "
                    + "and start when its image sets clone-from");
        }
        return problems;
    }

    private static boolean quantity(String value) {
        try {
            return value != null && new Quantity(value).getNumericalAmount().signum() > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
