package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The templates and sizes the settings offer: a template is a VM like any other, only its settings make it an image. */
final class ProxmoxCatalogue implements Catalogue {

    private final ProxmoxSettings settings;

    ProxmoxCatalogue(ProxmoxSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<CloudImage> images() {
        return settings.images().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            ProxmoxSettings.Image image = entry.getValue();
            Map<String, String> properties = Map.of("template", String.valueOf(image.template()), "ports",
                    image.ports().stream().map(String::valueOf).collect(Collectors.joining(",")));
            return new CloudImage(entry.getKey(), nameOr(image.name(), entry.getKey()), "ACTIVE", 0, properties);
        }).toList();
    }

    @Override
    public List<CloudFlavour> flavours() {
        return settings.flavours().entrySet().stream().map(entry -> new CloudFlavour(entry.getKey(),
                        nameOr(entry.getValue().name(), entry.getKey()), entry.getValue().cores(),
                        entry.getValue().memoryMib(), entry.getValue().gpu(), 0))
                .sorted(Comparator.comparingInt(CloudFlavour::vcpus).thenComparing(CloudFlavour::id)).toList();
    }

    private static String nameOr(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
