package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vantage.cloud.kubernetes.KubeVirt.map;

/**
 * Builds an instance's {@code VirtualMachine}: its disk from a containerDisk or a DataVolume cloned from a claim,
 * cloud-init from the instance's Secret (never inline: the user data holds the secret), CPU, memory and GPUs from the
 * flavour, and the pod network with masquerade so that the instance's Service reaches its ports.
 */
final class VirtualMachines {

    static final String ROOT = "rootdisk";
    static final String CLOUD_INIT = "cloudinit";

    private final KubernetesSettings settings;

    VirtualMachines(KubernetesSettings settings) {
        this.settings = settings;
    }

    GenericKubernetesResource virtualMachine(ObjectMeta meta, KubernetesSettings.Image image,
                                             KubernetesSettings.Flavour flavour) {
        String name = meta.getName();
        Map<String, Object> spec = map(
                settings.useSpecRunning() ? "running" : "runStrategy", settings.useSpecRunning() ? true : "Always",
                "dataVolumeTemplates", image.cloneFrom() == null ? null : List.of(dataVolume(meta, image)),
                "template", map(
                        "metadata", map("labels", meta.getLabels()),
                        "spec", map(
                                "domain", domain(flavour),
                                "networks", List.of(map("name", "default", "pod", map())),
                                "volumes", List.of(map("name", ROOT, image.cloneFrom() == null ? "containerDisk"
                                                : "dataVolume", image.cloneFrom() == null ? containerDisk(image)
                                                : map("name", diskName(name))),
                                        map("name", CLOUD_INIT, "cloudInitNoCloud",
                                                map("secretRef", map("name", name)))))));
        GenericKubernetesResource vm = new GenericKubernetesResource();
        vm.setApiVersion(KubeVirt.API_VERSION);
        vm.setKind("VirtualMachine");
        vm.setMetadata(meta);
        vm.setAdditionalProperty("spec", spec);
        return vm;
    }

    /** The DataVolume a VirtualMachine owns: removed with it, so nothing is left when the instance is deleted. */
    static String diskName(String objectName) {
        return objectName + "-disk";
    }

    private Map<String, Object> domain(KubernetesSettings.Flavour flavour) {
        double ratio = settings.requestRatio();
        List<Map<String, Object>> gpus = new ArrayList<>();
        for (int i = 0; i < flavour.gpu(); i++) {
            gpus.add(map("name", "gpu" + i, "deviceName", flavour.gpuDevice() == null ? settings.gpuResource()
                    : flavour.gpuDevice()));
        }
        List<Map<String, Object>> hostDevices = new ArrayList<>();
        for (int i = 0; i < flavour.hostDevices().size(); i++) {
            hostDevices.add(map("name", "hostdevice" + i, "deviceName", flavour.hostDevices().get(i)));
        }
        Map<String, Object> devices = map(
                "disks", List.of(map("name", ROOT, "bootOrder", 1, "disk", map("bus", "virtio")),
                        map("name", CLOUD_INIT, "disk", map("bus", "virtio"))),
                "interfaces", List.of(map("name", "default", "masquerade", map())),
                "gpus", gpus.isEmpty() ? null : gpus,
                "hostDevices", hostDevices.isEmpty() ? null : hostDevices);
        return map(
                "cpu", map("cores", flavour.cpu()),
                "memory", map("guest", flavour.memoryMib() + "Mi"),
                // the guest sees its whole size; the scheduler reserves size x request-ratio, as for pods
                "resources", map("requests", map(
                        "cpu", Math.max(1, Math.round(flavour.cpu() * 1000 * ratio)) + "m",
                        "memory", Math.max(1, Math.round(flavour.memoryMib() * ratio)) + "Mi")),
                "devices", devices);
    }

    private Map<String, Object> containerDisk(KubernetesSettings.Image image) {
        return map("image", image.image(), "imagePullPolicy", "IfNotPresent",
                "imagePullSecret", KubernetesSettings.blank(settings.imagePullSecret()) ? null
                        : settings.imagePullSecret());
    }

    private Map<String, Object> dataVolume(ObjectMeta meta, KubernetesSettings.Image image) {
        String[] source = image.cloneFrom().split("/", 2);
        String storageClass = settings.storage() == null ? null : settings.storage().storageClass();
        ObjectMeta diskMeta = new ObjectMetaBuilder().withName(diskName(meta.getName()))
                .withLabels(meta.getLabels()).build();
        return map(
                "metadata", map("name", diskMeta.getName(), "labels", diskMeta.getLabels()),
                "spec", map(
                        "source", map("pvc", map("namespace", source[0], "name", source[1])),
                        "storage", map("resources", map("requests", map("storage", image.diskSize())),
                                "storageClassName", storageClass)));
    }
}
