package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vantage.cloud.api.CloudInitUserData;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataMounts;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a Proxmox machine's cloud-init (NoCloud) reads. The user data carries the portal's metadata as a file (as on
 * every cloud without a metadata service); the meta-data also carries it under {@code meta}, the shape of OpenStack's
 * metadata, so an image reading {@code cloud-init query ds.meta_data.meta} finds the same keys here, the data mounts'
 * ({@code vantage-data-<n>}) included.
 */
final class CloudInitDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudInitDocuments() {
    }

    /** With the experiments' data mounts, which the image's boot script mounts (docs/image-contract.md). */
    static String userData(CreateInstanceRequest request) {
        return CloudInitUserData.of(request.metadata(), request.dataMounts(), request.userData());
    }

    /** JSON, which is YAML too; {@code instance-id} stays the same for the machine's life, so first-boot runs once. */
    static String metaData(CreateInstanceRequest request, String hostname) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("instance-id", "vantage-" + request.metadata().instanceUid());
        meta.put("local-hostname", hostname);
        ObjectNode values = meta.putObject("meta");
        request.metadata().machineMetadata().forEach(values::put);
        DataMounts.machineMetadata(request.dataMounts()).forEach(values::put);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always JSON", e);
        }
    }

    /** The VM's notes in Proxmox: the metadata without the secret, for an operator looking at the VM. */
    static String description(CreateInstanceRequest request) {
        Map<String, String> values = request.metadata().machineMetadata();
        return "Vantage instance " + request.metadata().instanceUid() + "\n\n" + values.entrySet().stream()
                .filter(entry -> !entry.getKey().equals("vantage-secret"))
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining("\n"));
    }
}
