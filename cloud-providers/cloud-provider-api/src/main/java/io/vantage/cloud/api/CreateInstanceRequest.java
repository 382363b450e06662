package io.vantage.cloud.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything a provider needs to create one machine.
 *
 * @param name     the machine's name; it always contains the instance uid, so a provider may find the machine by a
 *                 name filter ({@link Compute#findByInstanceUid})
 * @param userData the image's boot script or cloud-init document, passed as is; may be null
 * @param dataMounts the experiment data the machine must show under {@code ~/data} ({@link DataMount}), exactly
 *                 these and nothing else; a provider that cannot mount one of them refuses the create
 *                 ({@link CloudPermanentException} naming the mount) rather than start without it
 */
public record CreateInstanceRequest(String name, String imageId, String flavourId, List<String> networks,
                                    List<String> securityGroups, InstanceMetadata metadata, String userData,
                                    List<DataMount> dataMounts) {

    /** Without data. */
    public CreateInstanceRequest(String name, String imageId, String flavourId, List<String> networks,
                                 List<String> securityGroups, InstanceMetadata metadata, String userData) {
        this(name, imageId, flavourId, networks, securityGroups, metadata, userData, List.of());
    }

    public CreateInstanceRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(flavourId, "flavourId");
        Objects.requireNonNull(metadata, "metadata");
        networks = networks == null ? List.of() : List.copyOf(networks);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        dataMounts = dataMounts == null ? List.of() : List.copyOf(dataMounts);
        if (dataMounts.stream().map(DataMount::target).distinct().count() < dataMounts.size()) {
            throw new IllegalArgumentException("two data mounts share a target: " + dataMounts);
        }
    }
}
