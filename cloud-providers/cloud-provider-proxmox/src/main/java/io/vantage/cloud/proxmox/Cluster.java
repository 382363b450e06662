package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The cluster as {@code /cluster/resources} shows it: one call answers for every node and every VM. */
final class Cluster {

    /** A QEMU VM; {@code tags} are the portal's only (see {@link VmTags}). */
    record Vm(int vmid, String node, String name, String status, String lock, boolean template,
              Map<String, String> tags, int maxCpu, long maxMemBytes) {

        String computeId() {
            return String.valueOf(vmid);
        }
    }

    record Node(String name, boolean online, int maxCpu, double cpuLoad, long maxMemBytes, long memBytes) {

        long freeMemBytes() {
            return maxMemBytes - memBytes;
        }
    }

    private final ProxmoxApi api;

    Cluster(ProxmoxApi api) {
        this.api = api;
    }

    List<Vm> vms() {
        List<Vm> vms = new ArrayList<>();
        for (JsonNode row : api.get("list the cluster's VMs", "/cluster/resources", Map.of("type", "vm"))) {
            if ("qemu".equals(row.path("type").asText())) {
                vms.add(vm(row));
            }
        }
        return vms;
    }

    List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        for (JsonNode row : api.get("list the cluster's nodes", "/cluster/resources", Map.of("type", "node"))) {
            nodes.add(new Node(row.path("node").asText(), "online".equals(row.path("status").asText()),
                    row.path("maxcpu").asInt(), row.path("cpu").asDouble(), row.path("maxmem").asLong(),
                    row.path("mem").asLong()));
        }
        return nodes;
    }

    static Vm vm(JsonNode row) {
        return new Vm(row.path("vmid").asInt(), row.path("node").asText(null), row.path("name").asText(null),
                row.path("status").asText("unknown"), row.hasNonNull("lock") ? row.get("lock").asText() : null,
                row.path("template").asInt() == 1, VmTags.parse(row.path("tags").asText(null)),
                row.path("maxcpu").asInt(), row.path("maxmem").asLong());
    }
}
