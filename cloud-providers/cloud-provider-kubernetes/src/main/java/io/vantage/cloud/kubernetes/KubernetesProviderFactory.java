package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            if (image == null || KubernetesSettings.blank(image.image())) {
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
                problems.add("flavours." + entry.getKey() + " needs cpu >= 1, memoryMib >= 1 and gpu >= 0");
            }
        }
        if (settings.requestRatio() <= 0 || settings.requestRatio() > 1) {
            problems.add("requestRatio must be in (0, 1], was " + settings.requestRatio());
        }
        if (Manifests.wantsHome(settings)) {
            try {
                new Quantity(settings.storage().homeSize()).getNumericalAmount();
            } catch (RuntimeException e) {
                problems.add("storage.homeSize must be a quantity such as 10Gi, was '"
                        + settings.storage().homeSize() + "'");
            }
        }
        if (settings.faultGrace().isNegative()) {
            problems.add("faultGrace must not be negative");
        }
        return problems;
    }
}
