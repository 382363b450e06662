package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.SettingDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vantage.cloud.api.SettingDescriptor.optional;
import static io.vantage.cloud.api.SettingDescriptor.required;
import static io.vantage.cloud.api.SettingDescriptor.secret;

/** Kubernetes namespaces as clouds, found by {@link java.util.ServiceLoader}. */
public final class KubernetesProviderFactory implements CloudProviderFactory<KubernetesSettings> {

    static final String TYPE = "kubernetes";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<KubernetesSettings> settingsType() {
        return KubernetesSettings.class;
    }

    @Override
    public String description() {
        return "Kubernetes namespace: each instance a pod with a service, a secret and an optional home volume, "
                + "or a KubeVirt virtual machine (mode: virtual-machines)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                required("namespace", "Namespace where every pod, service, secret and volume claim is created",
                        "vantage-instances"),
                required("images", "Container images offered, by image id: name, image, ports, command, args, env, "
                        + "secret-env; for virtual machines image is a containerDisk, or clone-from "
                        + "(namespace/claim) with disk-size", "{xfce-desktop: {image: registry.example.org/xfce:1, "
                        + "ports: [5901]}}"),
                required("flavours", "Sizes offered, by flavour id: name, cpu, memory-mib, gpu; for virtual machines "
                        + "also gpu-device and host-devices", "{small: {name: Small, cpu: 2, memory-mib: 4096}}"),
                optional("api-server-url", "API server; empty = in-cluster service account or the usual kubeconfig",
                        "https://k8s.example.org:6443"),
                secret("token", "Bearer token for api-server-url", false),
                optional("kubeconfig-path", "Kubeconfig file to use (its current context)", "/etc/vantage/kubeconfig"),
                optional("ca-cert-path", "CA bundle of the API server when it is not in the kubeconfig", null),
                optional("trust-certs", "Skip TLS verification of the API server: test clusters only", "false"),
                optional("image-pull-secret", "Existing secret for pulling private images", "facility-registry"),
                optional("storage", "A home volume per instance: home-size, storage-class, mount-path (virtual "
                        + "machines: storage-class of cloned disks)", "{home-size: 20Gi, storage-class: ceph-rbd}"),
                optional("request-ratio", "Requests = limits x this ratio for CPU and memory; 1.0 = Guaranteed QoS",
                        "1.0"),
                optional("gpu-resource", "Extended resource name for GPUs", "nvidia.com/gpu"),
                optional("connect-timeout", "Per call to the API server; empty = the portal's call timeout", "10s"),
                optional("request-timeout", "Per call to the API server; empty = the portal's call timeout", "30s"),
                optional("fault-grace", "How long a pull, crash or scheduling failure lasts before it is an error",
                        "1m"),
                optional("mode", "pods (each instance a pod) or virtual-machines (each a KubeVirt VirtualMachine)",
                        KubernetesSettings.PODS),
                optional("use-spec-running", "Virtual machines: start and stop through spec.running, for KubeVirt "
                        + "releases before spec.runStrategy", "false"));
    }

    @Override
    public CloudProvider create(String name, KubernetesSettings settings, ProviderContext context) {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new CloudPermanentException("Kubernetes provider '" + name + "' is misconfigured: "
                    + String.join("; ", problems));
        }
        return new KubernetesProvider(name, KubernetesClients.create(settings, context.callTimeout()), settings,
                context);
    }

    static List<String> problems(KubernetesSettings settings) {
        List<String> problems = new ArrayList<>();
        if (settings == null) {
            return List.of("settings are missing");
        }
        if (KubernetesSettings.blank(settings.namespace())
                || !settings.namespace().matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            problems.add("namespace must be a DNS label, was '" + settings.namespace() + "'");
        }
        if (settings.images().isEmpty()) {
            problems.add("images must offer at least one image");
        }
        settings.images().forEach((id, image) -> {
            if (image == null || KubernetesSettings.blank(image.image())
                    && (image.cloneFrom() == null || !settings.virtualMachines())) {
                problems.add("images." + id + ".image must name a container image");
            } else if (image.ports().stream().anyMatch(port -> port == null || port < 1 || port > 65535)) {
                problems.add("images." + id + ".ports must be between 1 and 65535");
            }
        });
        if (settings.flavours().isEmpty()) {
            problems.add("flavours must offer at least one flavour");
        }
        for (Map.Entry<String, KubernetesSettings.Flavour> entry : settings.flavours().entrySet()) {
            KubernetesSettings.Flavour flavour = entry.getValue();
            if (flavour == null || flavour.cpu() < 1 || flavour.memoryMib() < 1 || flavour.gpu() < 0) {
                problems.add("flavours." + entry.getKey() + " needs cpu >= 1, memory-mib >= 1 and gpu >= 0");
            }
        }
        if (settings.requestRatio() <= 0 || settings.requestRatio() > 1) {
            problems.add("request-ratio must be in (0, 1], was " + settings.requestRatio());
        }
        if (Manifests.wantsHome(settings)) {
            try {
                new Quantity(settings.storage().homeSize()).getNumericalAmount();
            } catch (RuntimeException e) {
                problems.add("storage.home-size must be a quantity such as 10Gi, was '"
                        + settings.storage().homeSize() + "'");
            }
        }
        problems.addAll(VmSettingsCheck.problems(settings));
        if (settings.faultGrace().isNegative()) {
            problems.add("fault-grace must not be negative");
        }
        return problems;
    }
}
