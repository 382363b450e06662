package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Tags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This deployment's VMs: those tagged with its deployment id, and those a create of this deployment has cloned but
 * not yet tagged (found through the create journal). No VM of another deployment, or of nobody, is ever returned.
 */
final class Machines {

    /** A VM of ours, with the instance it was made for; {@code finished} once its create has tagged it. */
    record Owned(Cluster.Vm vm, String instanceUid, boolean finished, Instant created) {
    }

    private final ProxmoxApi api;
    private final Cluster cluster;
    private final GuestAgent agent;
    private final Snippets snippets;
    private final String deploymentId;

    Machines(ProxmoxApi api, Cluster cluster, GuestAgent agent, Snippets snippets, String deploymentId) {
        this.api = api;
        this.cluster = cluster;
        this.agent = agent;
        this.snippets = snippets;
        this.deploymentId = deploymentId;
    }

    List<Owned> all() {
        List<Cluster.Vm> vms = cluster.vms();
        List<Owned> owned = new ArrayList<>();
        for (Cluster.Vm vm : vms) {
            if (tagged(vm)) {
                owned.add(new Owned(vm, vm.tags().get(Tags.INSTANCE), true, VmTags.created(vm.tags())));
            }
        }
        for (Snippets.Journal journal : snippets.journals(deploymentId)) {
            vms.stream().filter(vm -> isJournalled(vm, journal)).findFirst()
                    .ifPresent(vm -> owned.add(new Owned(vm, journal.instanceUid(), false, journal.createdAt())));
        }
        return owned;
    }

    /** A tagged VM from the cluster's list alone; the create journals are read only for an untagged one. */
    Optional<Owned> byVmid(int vmid) {
        List<Cluster.Vm> vms = cluster.vms();
        Optional<Cluster.Vm> vm = vms.stream().filter(candidate -> candidate.vmid() == vmid).findFirst();
        if (vm.isEmpty()) {
            return Optional.empty();
        }
        if (tagged(vm.get())) {
            return Optional.of(new Owned(vm.get(), vm.get().tags().get(Tags.INSTANCE), true,
                    VmTags.created(vm.get().tags())));
        }
        return snippets.journals(deploymentId).stream().filter(journal -> isJournalled(vm.get(), journal))
                .findFirst().map(journal -> new Owned(vm.get(), journal.instanceUid(), false, journal.createdAt()));
    }

    /** Only finished machines (tagged): one still being made is the business of the create that made it. */
    Optional<Owned> byInstanceUid(String uid) {
        return cluster.vms().stream().filter(vm -> tagged(vm) && uid.equals(vm.tags().get(Tags.INSTANCE)))
                .findFirst().map(vm -> new Owned(vm, uid, true, VmTags.created(vm.tags())));
    }

    /**
     * The VM a create journal points at, if it is still that one: untagged, and either being cloned (locked, and
     * without a name until a full clone's disks are copied) or named as the create named it. A VM id is reused once
     * its VM is gone, and a stranger's VM must never pass for ours.
     */
    static boolean isJournalled(Cluster.Vm vm, Snippets.Journal journal) {
        boolean beingCloned = "clone".equals(vm.lock()) || vm.name() == null || vm.name().isBlank();
        return vm.vmid() == journal.vmid() && !vm.template() && vm.tags().isEmpty()
                && (beingCloned || journal.name().equals(vm.name()));
    }

    boolean tagged(Cluster.Vm vm) {
        return !vm.template() && deploymentId.equals(vm.tags().get(Tags.DEPLOYMENT));
    }

    /** The machine in detail (QEMU status, addresses); empty if it vanished meanwhile. */
    Optional<CloudInstance> describe(Owned owned) {
        Cluster.Vm vm = owned.vm();
        Optional<JsonNode> current = current(vm);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        boolean running = "running".equals(current.get().path("status").asText())
                && "running".equals(current.get().path("qmpstatus").asText("running"));
        List<String> addresses = running ? agent.addresses(vm.node(), vm.vmid()) : List.of();
        VmStates.Verdict verdict = owned.finished() ? VmStates.of(current.get(), !addresses.isEmpty())
                : new VmStates.Verdict(CloudState.BUILDING, null);
        return Optional.of(new CloudInstance(vm.computeId(), vm.name(), verdict.state(), verdict.fault(), addresses,
                tags(owned), owned.created()));
    }

    /** From the cluster's list alone, without addresses: what the orphan sweep needs. */
    CloudInstance summary(Owned owned) {
        CloudState state = owned.finished() ? VmStates.of(owned.vm()) : CloudState.BUILDING;
        return new CloudInstance(owned.vm().computeId(), owned.vm().name(), state, null, List.of(), tags(owned),
                owned.created());
    }

    Optional<JsonNode> current(Cluster.Vm vm) {
        try {
            return Optional.of(api.raw("GET", "/nodes/" + vm.node() + "/qemu/" + vm.vmid() + "/status/current",
                    null));
        } catch (ProxmoxApi.Failure failure) {
            if (failure.status == 500 && failure.says("does not exist")) {
                return Optional.empty();
            }
            throw ProxmoxErrors.translate("read the status of VM " + vm.vmid(), failure, Map.of());
        }
    }

    private Map<String, String> tags(Owned owned) {
        Map<String, String> tags = new LinkedHashMap<>(owned.vm().tags());
        tags.remove(VmTags.CREATED);
        tags.putIfAbsent(Tags.DEPLOYMENT, deploymentId);
        tags.putIfAbsent(Tags.INSTANCE, owned.instanceUid());
        return tags;
    }
}
