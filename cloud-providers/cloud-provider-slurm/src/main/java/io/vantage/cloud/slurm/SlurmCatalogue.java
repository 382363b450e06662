package io.vantage.cloud.slurm;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;

/**
 * A cluster has no image or flavour catalogue of its own: the settings are the catalogue. Images say which protocol
 * and well-known port they serve (and the notebook's base URL), like the local provider's.
 */
final class SlurmCatalogue implements Catalogue {

    private final SlurmSettings settings;

    SlurmCatalogue(SlurmSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<CloudImage> images() {
        return settings.images().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            SlurmSettings.Image image = entry.getValue();
            boolean desktop = "desktop".equals(image.kind());
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("kind", image.kind());
            properties.put("protocol", desktop ? "vnc" : "jupyter");
            properties.put("port", (desktop ? settings.vncPort() : settings.jupyterPort()).toString());
            if (!desktop) {
                properties.put("base-url", settings.jupyterBaseUrl());
            }
            String name = nameOr(image.name(), desktop ? "Linux desktop (Slurm job)" : "Jupyter Notebook (Slurm job)");
            return new CloudImage(entry.getKey(), name, "ACTIVE", 0, properties);
        }).toList();
    }

    @Override
    public List<CloudFlavour> flavours() {
        return settings.flavours().entrySet().stream().map(entry -> {
            SlurmSettings.Flavour flavour = entry.getValue();
            int cpus = flavour.cpus() == null ? 1 : flavour.cpus();
            int memory = flavour.memoryMib() == null ? 0 : flavour.memoryMib();
            return new CloudFlavour(entry.getKey(), nameOr(flavour.name(), describe(entry.getKey(), flavour)), cpus,
                    memory, gpus(flavour), 0);
        }).sorted(Comparator.comparingInt(CloudFlavour::vcpus).thenComparing(CloudFlavour::id)).toList();
    }

    static int gpus(SlurmSettings.Flavour flavour) {
        return flavour.gpus() != null ? flavour.gpus() : Resources.gpus(flavour.gres());
    }

    private String describe(String id, SlurmSettings.Flavour flavour) {
        String partition = flavour.partition() != null ? flavour.partition() : settings.partition();
        return id + " (" + (flavour.cpus() == null ? 1 : flavour.cpus()) + " CPU"
                + (flavour.memoryMib() == null ? "" : ", " + flavour.memoryMib() + " MiB")
                + (flavour.gres() == null ? "" : ", " + flavour.gres())
                + (partition == null ? "" : ", partition " + partition) + ")";
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
