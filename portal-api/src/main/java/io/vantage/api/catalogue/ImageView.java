package io.vantage.api.catalogue;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.Protocol;

/** An image as admins manage it. {@code warning} is set only when a change was accepted without a cloud check. */
public record ImageView(Long id, String name, String version, String description, String icon, Long providerId,
                 String providerName, String providerImageId, List<ProtocolView> protocols, Long defaultProtocolId,
                 String bootScript, String extensionPolicy, boolean visible, boolean deleted,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {

    /** Call inside a transaction: the provider loads lazily. */
    static ImageView of(Image image, String warning) {
        Protocol defaultProtocol = image.getDefaultProtocol();
        return new ImageView(image.getId(), image.getName(), image.getVersion(), image.getDescription(),
                image.getIcon(), image.getProvider().getId(), image.getProvider().getName(), image.getProviderImageId(),
                image.getProtocols().stream().sorted(Comparator.comparing(Protocol::getName)).map(ProtocolView::of)
                        .toList(),
                defaultProtocol == null ? null : defaultProtocol.getId(), image.getBootScript(),
                image.getExtensionPolicy().name(), image.isVisible(), image.isDeleted(), warning);
    }
}
