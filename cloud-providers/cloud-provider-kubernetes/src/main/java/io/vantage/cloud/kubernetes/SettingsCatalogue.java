package io.vantage.cloud.kubernetes;

import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A cluster has no image or flavour catalogue of its own: the settings are the catalogue. */
final class SettingsCatalogue implements Catalogue {

    private final KubernetesSettings settings;

    SettingsCatalogue(KubernetesSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<CloudImage> images() {
        return settings.images().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            KubernetesSettings.Image image = entry.getValue();
            Map<String, String> properties = new LinkedHashMap<>();
            if (image.image() != null) {
                properties.put("image", image.image());
            }
            if (image.cloneFrom() != null) {
                properties.put("clone-from", image.cloneFrom());
            }
            properties.put("ports", image.ports().stream().map(String::valueOf).collect(Collectors.joining(",")));
            return new CloudImage(entry.getKey(), nameOr(image.name(), entry.getKey()), "ACTIVE", 0, properties);
        }).toList();
    }

    @Override
    public List<CloudFlavour> flavours() {
        int diskGb = homeSizeGb();
        return settings.flavours().entrySet().stream().map(entry -> {
            KubernetesSettings.Flavour flavour = entry.getValue();
            return new CloudFlavour(entry.getKey(), nameOr(flavour.name(), entry.getKey()), flavour.cpu(),
                    flavour.memoryMib(), flavour.gpu(), diskGb);
        }).sorted(Comparator.comparingInt(CloudFlavour::vcpus).thenComparing(CloudFlavour::id)).toList();
    }

    private int homeSizeGb() {
        if (!Manifests.wantsHome(settings)) {
            return 0;
        }
        return Quantities.toGib(settings.storage().homeSize());
    }

    private static String nameOr(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
