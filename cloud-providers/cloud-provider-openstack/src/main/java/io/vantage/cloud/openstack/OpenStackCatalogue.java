package io.vantage.cloud.openstack;

import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;
import io.vantage.cloud.api.CloudProviderException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.openstack.image.v2.domain.GlanceImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Glance v2 images and Nova flavours, cached for the configured time. */
final class OpenStackCatalogue implements Catalogue {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStackCatalogue.class);
    private static final int PAGE_SIZE = 200;

    private final OpenStackSession session;
    private final Cached<List<CloudImage>> images;
    private final Cached<List<CloudFlavour>> flavours;

    OpenStackCatalogue(OpenStackSession session, Duration ttl, Clock clock) {
        this.session = session;
        this.images = new Cached<>(this::loadImages, ttl, clock);
        this.flavours = new Cached<>(this::loadFlavours, ttl, clock);
    }

    @Override
    public List<CloudImage> images() {
        return images.get();
    }

    @Override
    public List<CloudFlavour> flavours() {
        return flavours.get();
    }

    // Glance pages its answer (25 images by default): follow the marker until a short page.
    private List<CloudImage> loadImages() {
        List<CloudImage> all = new ArrayList<>();
        String marker = null;
        List<? extends Image> page;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", String.valueOf(PAGE_SIZE));
            if (marker != null) {
                query.put("marker", marker);
            }
            page = session.call("list images", os -> os.imagesV2().list(query));
            for (Image image : page) {
                all.add(new CloudImage(image.getId(), image.getName(),
                        image.getStatus() == null ? "unknown" : image.getStatus().name().toLowerCase(),
                        image.getSize() == null ? 0 : image.getSize(), properties(image)));
            }
            marker = page.isEmpty() ? null : page.get(page.size() - 1).getId();
        } while (page.size() >= PAGE_SIZE);
        return List.copyOf(all);
    }

    // Glance v2 has no "properties" object: custom properties are top-level keys, some of them typed by openstack4j.
    private static Map<String, String> properties(Image image) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (image instanceof GlanceImage glance && glance.getAdditionalProperties() != null) {
            glance.getAdditionalProperties().forEach((key, value) -> {
                if (value != null) {
                    properties.put(key, value);
                }
            });
        }
        putIfSet(properties, "visibility", image.getVisibility() == null ? null : image.getVisibility().value());
        putIfSet(properties, "os_distro", image.getOsDistro());
        putIfSet(properties, "os_version", image.getOsVersion());
        putIfSet(properties, "architecture", image.getArchitecture());
        putIfSet(properties, "min_disk", image.getMinDisk());
        putIfSet(properties, "min_ram", image.getMinRam());
        return properties;
    }

    private static void putIfSet(Map<String, String> properties, String key, Object value) {
        if (value != null) {
            properties.put(key, String.valueOf(value));
        }
    }

    private List<CloudFlavour> loadFlavours() {
        List<? extends Flavor> flavors = session.call("list flavours", os -> os.compute().flavors().list());
        List<CloudFlavour> all = new ArrayList<>();
        for (Flavor flavor : flavors) {
            all.add(new CloudFlavour(flavor.getId(), flavor.getName(), flavor.getVcpus(), flavor.getRam(),
                    gpus(flavor.getId()), flavor.getDisk()));
        }
        return List.copyOf(all);
    }

    // Extra specs may be hidden by policy; a flavour without readable specs is offered without GPUs, not dropped.
    private int gpus(String flavourId) {
        try {
            return FlavourGpus.count(session.call("read extra specs of flavour " + flavourId,
                    os -> os.compute().flavors().listExtraSpecs(flavourId)));
        } catch (CloudProviderException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.debug("No extra specs for flavour {}: {}", flavourId, e.getMessage());
            return 0;
        }
    }
}
