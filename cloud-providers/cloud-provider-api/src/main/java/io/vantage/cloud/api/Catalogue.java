package io.vantage.cloud.api;

import java.util.List;
import java.util.Optional;

/** Images and flavours the cloud offers; implementations may cache for a short time. */
public interface Catalogue {

    List<CloudImage> images();

    List<CloudFlavour> flavours();

    default Optional<CloudImage> image(String id) {
        return images().stream().filter(image -> image.id().equals(id)).findFirst();
    }

    default Optional<CloudFlavour> flavour(String id) {
        return flavours().stream().filter(flavour -> flavour.id().equals(id)).findFirst();
    }
}
