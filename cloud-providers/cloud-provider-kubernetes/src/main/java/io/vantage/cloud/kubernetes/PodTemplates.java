package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.DataMounts;
import io.vantage.cloud.api.InstanceMetadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the pod of an instance. The pod is stored as JSON on the instance's Service, so start and reboot recreate
 * exactly what create made, even after an admin has changed or removed the image in the settings.
 */
final class PodTemplates {

    static final String ANNOTATION = "vantage.io/pod-template";
    static final String CONTAINER = "instance";
    static final String USER_DATA_DIR = "/etc/vantage";
    /** The data mounts, without credentials, as one JSON array (docs/image-contract.md, "Experiment data"). */
    static final String DATA_ENV = "VANTAGE_DATA_MOUNTS";

    private final KubernetesSettings settings;

    PodTemplates(KubernetesSettings settings) {
        this.settings = settings;
    }

    Pod template(ObjectMeta meta, CreateInstanceRequest request, KubernetesSettings.Image image,
                 KubernetesSettings.Flavour flavour) {
        String name = meta.getName();
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        if (request.userData() != null) {
            // the boot script may hold credentials, so it travels in the Secret and is read from a file
            volumes.add(new VolumeBuilder().withName("user-data").withNewSecret().withSecretName(name)
                    .addNewItem().withKey(Manifests.USER_DATA_KEY).withPath(Manifests.USER_DATA_KEY).endItem()
                    .withDefaultMode(0444).endSecret().build());
            mounts.add(new VolumeMountBuilder().withName("user-data").withMountPath(USER_DATA_DIR).withReadOnly(true)
                    .build());
        }
        if (Manifests.wantsHome(settings)) {
            volumes.add(new VolumeBuilder().withName("home").withNewPersistentVolumeClaim().withClaimName(name)
                    .endPersistentVolumeClaim().build());
            mounts.add(new VolumeMountBuilder().withName("home").withMountPath(settings.storage().mountPath()).build());
        }
        // after home, so the data folders are mounted inside it
        volumes.addAll(DataVolumes.volumes(request.dataMounts()));
        mounts.addAll(DataVolumes.mounts(request.dataMounts(), DataVolumes.dataDir(settings)));
        Container container = new ContainerBuilder().withName(CONTAINER).withImage(image.image())
                .withImagePullPolicy("IfNotPresent").withCommand(image.command()).withArgs(image.args())
                .withPorts(image.ports().stream().map(port -> new ContainerPortBuilder()
                        .withName("p-" + port).withContainerPort(port).withProtocol("TCP").build()).toList())
                .withEnv(env(name, request, image)).withResources(resources(flavour).build())
                .withVolumeMounts(mounts).build();
        ObjectMeta podMeta = new ObjectMetaBuilder(meta).withName(null).build();
        PodBuilder pod = new PodBuilder().withMetadata(podMeta).withNewSpec()
                .withHostname(name).withRestartPolicy("Always")
                // a desktop user must not get the namespace's API credentials, nor every service's address
                .withAutomountServiceAccountToken(false).withEnableServiceLinks(false)
                .withContainers(container).withVolumes(volumes).endSpec();
        if (!KubernetesSettings.blank(settings.imagePullSecret())) {
            pod.editSpec().addNewImagePullSecret(settings.imagePullSecret()).endSpec();
        }
        return pod.build();
    }

    /**
     * The stored template with exactly these data mounts instead of its earlier ones (and the matching
     * {@code VANTAGE_DATA_MOUNTS}); everything else stays as create made it.
     */
    Pod withDataMounts(Pod template, List<DataMount> dataMounts) {
        Pod pod = new PodBuilder(template).build();
        pod.getSpec().getVolumes().removeIf(volume -> volume.getName().startsWith(DataVolumes.PREFIX));
        pod.getSpec().getVolumes().addAll(DataVolumes.volumes(dataMounts));
        Container container = pod.getSpec().getContainers().stream()
                .filter(c -> CONTAINER.equals(c.getName())).findFirst().orElseThrow();
        container.getVolumeMounts().removeIf(mount -> mount.getName().startsWith(DataVolumes.PREFIX));
        container.getVolumeMounts().addAll(DataVolumes.mounts(dataMounts, DataVolumes.dataDir(settings)));
        container.getEnv().removeIf(variable -> DATA_ENV.equals(variable.getName()));
        container.getEnv().add(new EnvVar(DATA_ENV, DataMounts.jsonArray(dataMounts), null));
        return pod;
    }

    /** A new pod from the stored template, with a name no earlier pod of this instance had. */
    static Pod instantiate(Pod template, String objectName) {
        return new PodBuilder(template).editMetadata().withName(Names.podName(objectName)).endMetadata().build();
    }

    private List<EnvVar> env(String secretName, CreateInstanceRequest request, KubernetesSettings.Image image) {
        InstanceMetadata metadata = request.metadata();
        Map<String, String> plain = new LinkedHashMap<>(image.env());
        plain.put("VANTAGE_INSTANCE", metadata.instanceUid());
        if (metadata.owner() != null) {
            plain.put("VANTAGE_OWNER", metadata.owner());
        }
        plain.put("VANTAGE_EXPERIMENTS", String.join(",", metadata.experiments()));
        plain.put("VANTAGE_SCREEN", metadata.screenWidth() + "x" + metadata.screenHeight());
        plain.put("VANTAGE_NOTEBOOK_BASE_URL", metadata.notebookBaseUrl());
        plain.put("VANTAGE_SCREEN_WIDTH", String.valueOf(metadata.screenWidth()));
        plain.put("VANTAGE_SCREEN_HEIGHT", String.valueOf(metadata.screenHeight()));
        if (metadata.keyboardLayout() != null) {
            plain.put("VANTAGE_KEYBOARD", metadata.keyboardLayout());
        }
        plain.put(DATA_ENV, DataMounts.jsonArray(request.dataMounts()));
        if (metadata.recipe() != null) { // the image's entry point clones it (docs/image-contract.md, "Recipes")
            plain.putAll(metadata.recipe().environment());
        }
        if (request.userData() != null) {
            plain.put("VANTAGE_USER_DATA", USER_DATA_DIR + "/" + Manifests.USER_DATA_KEY);
        }
        List<EnvVar> env = new ArrayList<>();
        plain.forEach((key, value) -> env.add(new EnvVar(key, value, null)));
        if (metadata.secret() != null) {
            for (String variable : image.secretEnv()) {
                env.add(new EnvVarBuilder().withName(variable).withNewValueFrom().withNewSecretKeyRef()
                        .withName(secretName).withKey(Manifests.SECRET_KEY).endSecretKeyRef().endValueFrom().build());
            }
        }
        return env;
    }

    /** GPUs are an extended resource: Kubernetes insists that their request equals their limit. */
    private ResourceRequirementsBuilder resources(KubernetesSettings.Flavour flavour) {
        double ratio = settings.requestRatio();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        Map<String, Quantity> requests = new LinkedHashMap<>();
        limits.put("cpu", new Quantity(String.valueOf(flavour.cpu())));
        requests.put("cpu", new Quantity(Math.max(1, Math.round(flavour.cpu() * 1000 * ratio)) + "m"));
        limits.put("memory", new Quantity(flavour.memoryMib() + "Mi"));
        requests.put("memory", new Quantity(Math.max(1, Math.round(flavour.memoryMib() * ratio)) + "Mi"));
        if (flavour.gpu() > 0) {
            limits.put(settings.gpuResource(), new Quantity(String.valueOf(flavour.gpu())));
            requests.put(settings.gpuResource(), new Quantity(String.valueOf(flavour.gpu())));
        }
        return new ResourceRequirementsBuilder().withLimits(limits).withRequests(requests);
    }
}
