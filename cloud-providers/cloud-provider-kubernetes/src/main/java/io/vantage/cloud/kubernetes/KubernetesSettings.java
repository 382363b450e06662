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
 */
public record KubernetesSettings(String apiServerUrl, String token, String kubeconfigPath, String caCertPath,
                                 boolean trustCerts, String namespace, Map<String, Image> images,
                                 Map<String, Flavour> flavours, String imagePullSecret, Storage storage,
                                 Double requestRatio, String gpuResource, Duration connectTimeout,
                                 Duration requestTimeout, Duration faultGrace) {

    public KubernetesSettings {
        images = images == null ? Map.of() : Map.copyOf(images);
        flavours = flavours == null ? Map.of() : Map.copyOf(flavours);
        requestRatio = requestRatio == null ? 1.0 : requestRatio;
        gpuResource = blank(gpuResource) ? "nvidia.com/gpu" : gpuResource;
        faultGrace = faultGrace == null ? Duration.ofMinutes(1) : faultGrace;
    }

    /**
     * A container image offered as a portal image.
     *
     * @param ports     ports the image serves (VNC, RDP, Jupyter); each one is exposed by the instance's Service
     * @param secretEnv environment variables that receive the per-instance secret (default {@code VANTAGE_SECRET}),
     *                  e.g. {@code JUPYTER_TOKEN} or {@code VNC_PASSWORD}; always through a Secret reference
     * @param env       plain, non-secret environment for the container
     */
    public record Image(String name, String image, List<Integer> ports, List<String> command, List<String> args,
                        Map<String, String> env, List<String> secretEnv) {

        public Image {
            ports = ports == null ? List.of() : List.copyOf(ports);
            command = command == null ? List.of() : List.copyOf(command);
            args = args == null ? List.of() : List.copyOf(args);
            env = env == null ? Map.of() : Map.copyOf(env);
            secretEnv = secretEnv == null || secretEnv.isEmpty() ? List.of("VANTAGE_SECRET") : List.copyOf(secretEnv);
        }
    }

    /** CPU and GPU count whole units, as the portal's flavours do. */
    public record Flavour(String name, int cpu, int memoryMib, int gpu) {
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
                + ", requestTimeout=" + requestTimeout + ", faultGrace=" + faultGrace + "]";
    }
}
