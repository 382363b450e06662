package io.vantage.cloud.local;

import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two built-in images and three sizes. Sizes are advisory: processes get no cgroup or ulimit (a virtual-memory
 * ulimit breaks Python kernels that map large arenas), they only count towards {@link LocalLimits}.
 * An image whose packages are missing is listed as UNAVAILABLE with the packages to install.
 */
final class LocalCatalogue implements Catalogue {

    static final String DESKTOP = "desktop";
    static final String NOTEBOOK = "notebook";

    private static final List<CloudFlavour> FLAVOURS = List.of(
            new CloudFlavour("small", "Small (1 vCPU, 2 GiB, advisory)", 1, 2048, 0, 0),
            new CloudFlavour("medium", "Medium (2 vCPU, 4 GiB, advisory)", 2, 4096, 0, 0),
            new CloudFlavour("large", "Large (4 vCPU, 8 GiB, advisory)", 4, 8192, 0, 0));

    private final LocalSettings settings;
    private final LocalPackages packages;
    private final Map<String, Launcher> launchers = Map.of(DESKTOP, new DesktopLauncher(),
            NOTEBOOK, new NotebookLauncher());

    LocalCatalogue(LocalSettings settings, LocalPackages packages) {
        this.settings = settings;
        this.packages = packages;
    }

    @Override
    public List<CloudImage> images() {
        return List.of(
                image(DESKTOP, "Linux desktop (TigerVNC Xvnc, openbox)",
                        Map.of("protocol", "vnc", "port", settings.vncPort().toString())),
                image(NOTEBOOK, "Jupyter Notebook (classic)", Map.of("protocol", "jupyter",
                        "port", settings.jupyterPort().toString(), "base-url", settings.jupyterBaseUrl())));
    }

    @Override
    public List<CloudFlavour> flavours() {
        return FLAVOURS;
    }

    Optional<Launcher> launcher(String imageId) {
        return Optional.ofNullable(launchers.get(imageId));
    }

    private CloudImage image(String id, String name, Map<String, String> properties) {
        List<String> missing = packages.missingFor(launchers.get(id).programs());
        Map<String, String> all = new LinkedHashMap<>(properties);
        if (!missing.isEmpty()) {
            all.put("missing-packages", String.join(" ", missing));
        }
        return new CloudImage(id, name, missing.isEmpty() ? "ACTIVE" : "UNAVAILABLE", 0, all);
    }
}
