package io.vantage.api.catalogue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.vantage.api.admin.CloudLookup;
import io.vantage.api.error.NotFoundException;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;
import io.vantage.cloud.api.CloudSecurityGroup;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.FlavourRepository;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.ImageRepository;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.cloud.SecurityGroup;
import io.vantage.domain.cloud.SecurityGroupRepository;

/** What a cloud offers, each entry marked with the portal records already made from it. */
@Service
public class CloudCatalogue {

    private final CloudProviderRecordRepository providers;
    private final ImageRepository images;
    private final FlavourRepository flavours;
    private final SecurityGroupRepository securityGroups;
    private final CloudLookup cloud;

    CloudCatalogue(CloudProviderRecordRepository providers, ImageRepository images, FlavourRepository flavours,
                   SecurityGroupRepository securityGroups, CloudLookup cloud) {
        this.providers = providers;
        this.images = images;
        this.flavours = flavours;
        this.securityGroups = securityGroups;
        this.cloud = cloud;
    }

    public record OfferedImage(String id, String name, String status, long sizeBytes, Map<String, String> properties,
                        boolean registered, List<Long> imageIds) {
    }

    public record OfferedFlavour(String id, String name, int vcpus, int memoryMib, int gpus, int diskGb, boolean registered,
                          List<Long> flavourIds) {
    }

    record OfferedSecurityGroup(String id, String name, String description, boolean registered) {
    }

    public List<OfferedImage> images(Long providerId) {
        requireProvider(providerId);
        List<CloudImage> offered = cloud.require(providerId, p -> p.catalogue().images());
        Map<String, List<Long>> registered = images.findByProviderIdAndDeletedFalse(providerId).stream()
                .collect(Collectors.groupingBy(Image::getProviderImageId,
                        Collectors.mapping(Image::getId, Collectors.toList())));
        return offered.stream().map(i -> {
            List<Long> ids = registered.getOrDefault(i.id(), List.of());
            return new OfferedImage(i.id(), i.name(), i.status(), i.sizeBytes(), i.properties(), !ids.isEmpty(), ids);
        }).toList();
    }

    public List<OfferedFlavour> flavours(Long providerId) {
        requireProvider(providerId);
        List<CloudFlavour> offered = cloud.require(providerId, p -> p.catalogue().flavours());
        Map<String, List<Long>> registered = flavours.findByProviderIdAndDeletedFalse(providerId).stream()
                .collect(Collectors.groupingBy(Flavour::getProviderFlavourId,
                        Collectors.mapping(Flavour::getId, Collectors.toList())));
        return offered.stream().map(f -> {
            List<Long> ids = registered.getOrDefault(f.id(), List.of());
            return new OfferedFlavour(f.id(), f.name(), f.vcpus(), f.memoryMib(), f.gpus(), f.diskGb(),
                    !ids.isEmpty(), ids);
        }).toList();
    }

    List<OfferedSecurityGroup> securityGroups(Long providerId) {
        requireProvider(providerId);
        List<CloudSecurityGroup> offered = cloud.require(providerId, p -> p.securityGroups().list());
        List<String> registered = securityGroups.findByProvider(providerId).stream().map(SecurityGroup::getName)
                .toList();
        return offered.stream().map(g -> new OfferedSecurityGroup(g.id(), g.name(), g.description(),
                registered.contains(g.name()))).toList();
    }

    private void requireProvider(Long providerId) {
        if (!providers.existsById(providerId)) {
            throw new NotFoundException("cloud provider", providerId);
        }
    }
}
