package io.vantage.cloud.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of one Kubernetes provider. Every field may be left out except {@code namespace}, {@code images} and
 * {@code flavours}; the compact constructor fills in the documented defaults so the portal can bind a sparse map.
 *
 * @param apiServerUrl   API server; null means in-cluster service account or the usual kubeconfig lookup
 * @param token          bearer token for {@code apiServerUrl}; never printed
 * @param kubeconfigPath kubeconfig file to read instead of the usual lookup (its current context is used)
 * @param caCertPath     CA bundle of the API server when it is not in the kubeconfig
 * @param trustCerts     skip TLS verification; for test clusters only
 * @param namespace      where every pod, service, secret and volume claim of this provider lives
 * @param images         catalogue offered to the portal, by image id
 * @param flavours       sizes offered to the portal, by flavour id
 * @param imagePullSecret secret (already in the namespace) to pull private images with, or null
 * @param storage        optional persistent home volume per instance
 * @param requestRatio   requests = limits x ratio for CPU and memory; 1.0 (default) gives Guaranteed QoS
 * @param gpuResource    extended resource name for GPUs, default {@code nvidia.com/gpu}
 * @param connectTimeout default: the portal's call timeout
 * @param requestTimeout default: the portal's call timeout
 * @param faultGrace     how long a pull, crash-loop or scheduling failure must last before it counts as ERROR
 *                       (default 1 minute): the kubelet retries, and a blip should not fail a launch
 * @param mode           {@code pods} (default): each instance a pod; {@code virtual-machines}: each instance a
 *                       KubeVirt VirtualMachine
 * @param useSpecRunning virtual machines are started and stopped through {@code spec.running} (KubeVirt releases
 *                       before {@code spec.runStrategy}); default false: {@code runStrategy} Always / Halted
 */
public record KubernetesSettings(String apiServerUrl, String token, String kubeconfigPath, String caCertPath,
                                 boolean trustCerts, String namespace, Map<String, Image> images,
                                 Map<String, Flavour> flavours, String imagePullSecret, Storage storage,
                                 Double requestRatio, String gpuResource, Duration connectTimeout,
                                 Duration requestTimeout, Duration faultGrace, String mode, boolean useSpecRunning) {

    static final String PODS = "pods";
    static final String VIRTUAL_MACHINES = "virtual-machines";

    public KubernetesSettings {
        mode = blank(mode) ? PODS : mode;
        images = images == null ? Map.of() : Map.copyOf(images);
        flavours = flavours == null ? Map.of() : Map.copyOf(flavours);
        requestRatio = requestRatio == null ? 1.0 : requestRatio;
        gpuResource = blank(gpuResource) ? "nvidia.com/gpu" : gpuResource;
        faultGrace = faultGrace == null ? Duration.ofMinutes(1) : faultGrace;
    }

    boolean virtualMachines() {
        return VIRTUAL_MACHINES.equals(mode);
    }

    /**
     * A container image offered as a portal image; in {@code virtual-machines} mode, a VM disk.
     *
     * @param image     the container image; for a virtual machine, a KubeVirt containerDisk (its disk starts afresh
     *                  at every start) unless {@code cloneFrom} is set
     * @param ports     ports the image serves (VNC, RDP, Jupyter); each one is exposed by the instance's Service
     * @param secretEnv environment variables that receive the per-instance secret (default {@code VANTAGE_SECRET}),
     *                  e.g. {@code JUPYTER_TOKEN} or {@code VNC_PASSWORD}; always through a Secret reference
     * @param env       plain, non-secret environment for the container
     * @param cloneFrom virtual machines only: {@code namespace/name} of a PersistentVolumeClaim each machine's disk
     *                  is cloned from (a CDI DataVolume, kept across stop and start, removed with the machine)
     * @param diskSize  size of that clone, a quantity such as {@code 30Gi}
     */
    public record Image(String name, String image, List<Integer> ports, List<String> command, List<String> args,
                        Map<String, String> env, List<String> secretEnv, String cloneFrom, String diskSize) {

        public Image {
            ports = ports == null ? List.of() : List.copyOf(ports);
            command = command == null ? List.of() : List.copyOf(command);
            args = args == null ? List.of() : List.copyOf(args);
            env = env == null ? Map.of() : Map.copyOf(env);
            secretEnv = secretEnv == null || secretEnv.isEmpty() ? List.of("VANTAGE_SECRET") : List.copyOf(secretEnv);
        }
    }

    /**
     * CPU and GPU count whole units, as the portal's flavours do.
     *
     * @param gpuDevice   virtual machines only: the KubeVirt device name of the GPUs (a permitted host device such as
     *                    {@code nvidia.com/GA102GL_A10}); default {@code gpuResource}
     * @param hostDevices virtual machines only: further host devices passed through, by device name
     */
    public record Flavour(String name, int cpu, int memoryMib, int gpu, String gpuDevice, List<String> hostDevices) {

        public Flavour {
            hostDevices = hostDevices == null ? List.of() : List.copyOf(hostDevices);
        }
    }

    /**
     * A PersistentVolumeClaim per instance, kept across stop/start and removed on delete.
     *
     * @param homeSize     a Kubernetes quantity such as {@code 10Gi}; null means no volume
     * @param storageClass null means the cluster default
     * @param mountPath    default {@code /home/vantage}
     */
    public record Storage(String homeSize, String storageClass, String mountPath) {

        public Storage {
            mountPath = blank(mountPath) ? "/home/vantage" : mountPath;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "KubernetesSettings[apiServerUrl=" + apiServerUrl + ", token=" + (blank(token) ? "<none>" : "****")
                + ", kubeconfigPath=" + kubeconfigPath + ", caCertPath=" + caCertPath + ", trustCerts=" + trustCerts
                + ", namespace=" + namespace + ", images=" + images.keySet() + ", flavours=" + flavours.keySet()
                + ", imagePullSecret=" + imagePullSecret + ", storage=" + storage + ", requestRatio=" + requestRatio
                + ", gpuResource=" + gpuResource + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", faultGrace=" + faultGrace + ", mode=" + mode
                + ", useSpecRunning=" + useSpecRunning + "]";
    }
}
