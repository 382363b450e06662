package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * Removes a VM with everything it owns: stopped first (Proxmox refuses to destroy a running VM), then destroyed with
 * its disks, its backup jobs and HA entries ({@code purge}), then its cloud-init files. Repeatable.
 */
final class VmRemoval {

    private static final Logger log = LoggerFactory.getLogger(VmRemoval.class);

    private final ProxmoxApi api;
    private final Cluster cluster;
    private final Machines machines;
    private final Snippets snippets;
    private final Tasks tasks;

    VmRemoval(ProxmoxApi api, Cluster cluster, Machines machines, Snippets snippets, Tasks tasks) {
        this.api = api;
        this.cluster = cluster;
        this.machines = machines;
        this.snippets = snippets;
        this.tasks = tasks;
    }

    void remove(int vmid, String uid) {
        Optional<Cluster.Vm> found = cluster.vms().stream().filter(vm -> vm.vmid() == vmid).findFirst();
        if (found.isPresent()) {
            Cluster.Vm vm = found.get();
            String path = "/nodes/" + vm.node() + "/qemu/" + vmid;
            String lock = machines.current(vm).map(current -> current.path("lock").asText(null)).orElse(null);
            if ("clone".equals(lock) || "create".equals(lock)) {
                throw new CloudTransientException("Could not delete VM " + vmid + " yet: VM is locked (" + lock + ")");
            }
            if ("running".equals(vm.status())) {
                String action = "stop VM " + vmid + " before deleting it";
                tasks.await(action, api.post(action, path + "/status/stop", Map.of(), Map.of()));
            }
            String action = "delete VM " + vmid;
            tasks.await(action, api.delete(action, path, Map.of("purge", 1, "destroy-unreferenced-disks", 1)));
            log.info("Deleted VM {} of instance {}", vmid, uid);
        }
        if (uid != null) {
            snippets.remove(uid);
        }
    }

    /** After a create failed for good: its VM must not stay behind, but the create's own error is what counts. */
    void removeQuietly(int vmid, String uid) {
        try {
            remove(vmid, uid);
        } catch (CloudProviderException e) {
            log.warn("Could not remove VM {} after its create failed (the orphan sweep will): {}", vmid,
                    e.getMessage());
        }
    }
}
