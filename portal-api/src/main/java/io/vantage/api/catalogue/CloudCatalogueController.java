package io.vantage.api.catalogue;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a cloud offers, to register images, flavours and security groups from; 503 when it does not answer. */
@RestController
@RequestMapping("/api/admin/providers/{providerId}")
@PreAuthorize("hasRole('ADMIN')")
class CloudCatalogueController {

    private final CloudCatalogue catalogue;

    CloudCatalogueController(CloudCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/images")
    List<CloudCatalogue.OfferedImage> images(@PathVariable Long providerId) {
        return catalogue.images(providerId);
    }

    @GetMapping("/flavours")
    List<CloudCatalogue.OfferedFlavour> flavours(@PathVariable Long providerId) {
        return catalogue.flavours(providerId);
    }

    @GetMapping("/cloud-security-groups")
    List<CloudCatalogue.OfferedSecurityGroup> securityGroups(@PathVariable Long providerId) {
        return catalogue.securityGroups(providerId);
    }
}
