package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataMounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instances as clones of template VMs. The compute id is the VM id, which stays the same when a VM moves to another
 * node; the node is looked up on every call. Start, stop, reboot and delete wait for their task (at most
 * {@code task-wait}), so a failure comes back with Proxmox's own message.
 */
final class ProxmoxCompute implements Compute {

    private final ProxmoxApi api;
    private final Machines machines;
    private final VmCreation creation;
    private final VmRemoval removal;
    private final Tasks tasks;
    private final int shutdownSeconds;

    ProxmoxCompute(ProxmoxApi api, Machines machines, VmCreation creation, VmRemoval removal, Tasks tasks,
                   ProxmoxSettings settings) {
        this.api = api;
        this.machines = machines;
        this.creation = creation;
        this.removal = removal;
        this.tasks = tasks;
        // a guest that ignores ACPI is stopped hard, early enough that the task still ends within task-wait
        this.shutdownSeconds = (int) Math.max(5, settings.taskWait().toSeconds() * 2 / 3);
    }

    @Override
    public CloudInstance create(CreateInstanceRequest request) {
        DataMounts.requireMountableByGuest(request.dataMounts());
        return creation.create(request);
    }

    @Override
    public Optional<CloudInstance> get(String computeId) {
        return vmid(computeId).flatMap(machines::byVmid).flatMap(machines::describe);
    }

    @Override
    public List<CloudInstance> list() {
        return machines.all().stream().map(machines::summary).toList();
    }

    /** Finished machines only (see {@link VmCreation}): one still being made is finished by its create. */
    @Override
    public Optional<CloudInstance> findByInstanceUid(String instanceUid) {
        return machines.byInstanceUid(instanceUid).flatMap(machines::describe);
    }

    @Override
    public void start(String computeId) {
        Cluster.Vm vm = require(computeId);
        JsonNode current = current(vm);
        if (VmStates.paused(current)) {
            run("resume VM " + vm.vmid(), vm, "/status/resume", Map.of());
        } else if ("stopped".equals(current.path("status").asText())) {
            run("start VM " + vm.vmid(), vm, "/status/start", Map.of());
        }
    }

    /** An ACPI shutdown, turned into a hard stop if the guest has not gone down after a while. */
    @Override
    public void stop(String computeId) {
        Cluster.Vm vm = require(computeId);
        if (!"stopped".equals(current(vm).path("status").asText())) {
            run("stop VM " + vm.vmid(), vm, "/status/shutdown", Map.of("forceStop", 1, "timeout", shutdownSeconds));
        }
    }

    @Override
    public void reboot(String computeId) {
        Cluster.Vm vm = require(computeId);
        if ("stopped".equals(current(vm).path("status").asText())) {
            run("start VM " + vm.vmid(), vm, "/status/start", Map.of());
        } else {
            run("reboot VM " + vm.vmid(), vm, "/status/reboot", Map.of("timeout", shutdownSeconds));
        }
    }

    @Override
    public void delete(String computeId) {
        Optional<Integer> vmid = vmid(computeId);
        if (vmid.isEmpty()) {
            return;
        }
        Optional<Machines.Owned> owned = machines.byVmid(vmid.get());
        if (owned.isPresent()) {
            removal.remove(vmid.get(), owned.get().instanceUid());
        }
    }

    private void run(String action, Cluster.Vm vm, String subPath, Map<String, ?> form) {
        tasks.await(action, api.post(action, "/nodes/" + vm.node() + "/qemu/" + vm.vmid() + subPath, form,
                Map.of()));
    }

    private JsonNode current(Cluster.Vm vm) {
        return machines.current(vm).orElseThrow(() -> gone(vm.computeId()));
    }

    private Cluster.Vm require(String computeId) {
        return vmid(computeId).flatMap(machines::byVmid).map(Machines.Owned::vm)
                .orElseThrow(() -> gone(computeId));
    }

    private static CloudPermanentException gone(String computeId) {
        return new CloudPermanentException("VM " + computeId + " is not one of this portal's machines on this "
                + "Proxmox cluster (deleted outside the portal?)");
    }

    private static Optional<Integer> vmid(String computeId) {
        try {
            return Optional.of(Integer.parseInt(computeId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
