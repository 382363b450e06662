package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openstack4j.model.compute.Address;
import org.openstack4j.model.compute.Server;

/** Reads a Nova server as a {@link CloudInstance}. */
final class NovaServers {

    static final String SECRET_KEY = "vantage-secret";

    private NovaServers() {
    }

    static CloudInstance toInstance(Server server) {
        CloudState state = state(statusOf(server));
        String fault = state == CloudState.ERROR && server.getFault() != null ? server.getFault().getMessage() : null;
        Instant created = server.getCreated() == null ? null : server.getCreated().toInstant();
        return new CloudInstance(server.getId(), server.getName(), state, fault, addresses(server),
                tags(server.getMetadata()), created);
    }

    // Metadata also carries the machine's secret for cloud-init; it must not travel on into the portal's records.
    static Map<String, String> tags(Map<String, String> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>(metadata);
        tags.remove(SECRET_KEY);
        return tags;
    }

    /** Nova's status names (compute API reference, "server status") to the SPI's states. */
    static CloudState state(String novaStatus) {
        if (novaStatus == null) {
            return CloudState.UNKNOWN;
        }
        return switch (novaStatus.toUpperCase()) {
            case "BUILD" -> CloudState.BUILDING;
            case "ACTIVE" -> CloudState.RUNNING;
            case "SHUTOFF", "PAUSED", "SUSPENDED", "SHELVED", "SHELVED_OFFLOADED" -> CloudState.STOPPED;
            case "REBOOT", "HARD_REBOOT" -> CloudState.REBOOTING;
            case "DELETED", "SOFT_DELETED" -> CloudState.DELETED;
            case "ERROR" -> CloudState.ERROR;
            default -> CloudState.UNKNOWN;
        };
    }

    // openstack4j's status enum lacks SOFT_DELETED and reads it as UNRECOGNIZED; Nova's vm_state tells it apart.
    static String statusOf(Server server) {
        Server.Status status = server.getStatus();
        if (status == null || status == Server.Status.UNRECOGNIZED) {
            return "soft-delete".equals(server.getVmState()) ? "SOFT_DELETED" : null;
        }
        return status.name();
    }

    static List<String> floatingAddresses(Server server) {
        List<String> all = addresses(server);
        return all.subList(fixedCount(server), all.size());
    }

    private static int fixedCount(Server server) {
        if (server.getAddresses() == null || server.getAddresses().getAddresses() == null) {
            return 0;
        }
        return (int) server.getAddresses().getAddresses().values().stream().flatMap(List::stream)
                .filter(address -> !"floating".equalsIgnoreCase(address.getType())).count();
    }

    /** Fixed addresses first, then floating ones, each in Nova's network order. */
    static List<String> addresses(Server server) {
        List<String> fixed = new ArrayList<>();
        List<String> floating = new ArrayList<>();
        if (server.getAddresses() == null || server.getAddresses().getAddresses() == null) {
            return fixed;
        }
        for (Map.Entry<String, List<? extends Address>> network : server.getAddresses().getAddresses().entrySet()) {
            for (Address address : network.getValue()) {
                if ("floating".equalsIgnoreCase(address.getType())) {
                    floating.add(address.getAddr());
                } else {
                    fixed.add(address.getAddr());
                }
            }
        }
        fixed.addAll(floating);
        return fixed;
    }
}
