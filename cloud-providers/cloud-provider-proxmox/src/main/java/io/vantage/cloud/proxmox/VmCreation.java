package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.CreateInstanceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a machine in steps: cloud-init files, clone (a task), configure (a task), start (a task). Each step is
 * skipped when an earlier call did it, so a create whose answer was lost, or whose clone outlasted {@code task-wait},
 * is simply asked again and carries on with the same VM. A step that fails for good removes the VM and its files:
 * nothing is left behind that would never run, and the portal shows Proxmox's message.
 */
final class VmCreation {

    private static final Logger log = LoggerFactory.getLogger(VmCreation.class);

    private final ProxmoxApi api;
    private final ProxmoxSettings settings;
    private final Cluster cluster;
    private final Machines machines;
    private final Snippets snippets;
    private final Tasks tasks;
    private final VmRemoval removal;
    private final String deploymentId;
    private final Clock clock;

    VmCreation(ProxmoxApi api, ProxmoxSettings settings, Cluster cluster, Machines machines, Snippets snippets,
               Tasks tasks, VmRemoval removal, String deploymentId, Clock clock) {
        this.api = api;
        this.settings = settings;
        this.cluster = cluster;
        this.machines = machines;
        this.snippets = snippets;
        this.tasks = tasks;
        this.removal = removal;
        this.deploymentId = deploymentId;
        this.clock = clock;
    }

    CloudInstance create(CreateInstanceRequest request) {
        Spec spec = Spec.of(request, settings);
        String uid = spec.uid();
        Optional<Machines.Owned> finished = machines.byInstanceUid(uid);
        if (finished.isPresent()) {
            return start(spec, finished.get().vm());
        }
        Optional<Snippets.Journal> journal = snippets.journal(uid).filter(j -> deploymentId.equals(j.deployment()));
        Optional<Cluster.Vm> cloned = journal.flatMap(j -> cluster.vms().stream()
                .filter(vm -> Machines.isJournalled(vm, j)).findFirst());
        if (cloned.isEmpty()) {
            cloned = Optional.of(cloneTemplate(spec, request));
        }
        Cluster.Vm vm = cloned.get();
        if (vm.lock() != null || vm.name() == null) {
            JsonNode current = machines.current(vm).orElseThrow(() -> new CloudTransientException(
                    "VM " + vm.vmid() + " of instance " + uid + " vanished while it was being cloned"));
            if (current.hasNonNull("lock")) {
                throw new CloudTransientException("Could not configure VM " + vm.vmid() + " yet: VM is locked ("
                        + current.get("lock").asText() + ")");
            }
        }
        configure(spec, vm);
        return start(spec, vm);
    }

    private Cluster.Vm cloneTemplate(Spec spec, CreateInstanceRequest request) {
        snippets.write(spec.uid(), CloudInitDocuments.userData(request), CloudInitDocuments.metaData(request,
                spec.name()));
        Cluster.Vm template = cluster.vms().stream().filter(vm -> vm.vmid() == spec.image().template()).findFirst()
                .filter(Cluster.Vm::template).orElseThrow(() -> new CloudPermanentException("setting images."
                        + spec.imageId() + ".template: VM " + spec.image().template()
                        + " is not a template on this Proxmox cluster"));
        String node = node();
        int vmid = api.get("reserve a VM id", "/cluster/nextid", Map.of()).asInt();
        snippets.record(new Snippets.Journal(deploymentId, spec.uid(), vmid, spec.name(), node,
                clock.instant().getEpochSecond()));
        Map<String, Object> clone = new LinkedHashMap<>();
        clone.put("newid", vmid);
        clone.put("name", spec.name());
        clone.put("full", settings.fullClone() ? 1 : 0);
        clone.put("description", CloudInitDocuments.description(request));
        if (!node.equals(template.node())) {
            clone.put("target", node);
        }
        clone.put("pool", blankToNull(settings.pool()));
        clone.put("storage", settings.fullClone() ? blankToNull(settings.cloneStorage()) : null);
        String action = "clone template " + template.vmid() + " into VM " + vmid + " for instance " + spec.uid();
        JsonNode upid;
        try {
            upid = api.post(action, "/nodes/" + template.node() + "/qemu/" + template.vmid() + "/clone", clone,
                    Map.of("target", "nodes", "pool", "pool", "storage", "clone-storage", "full", "full-clone"));
        } catch (CloudProviderException e) {
            // refused (not lost): no clone began, and VM id vmid may go to someone else
            if (e.getCause() instanceof ProxmoxApi.Failure) {
                snippets.forgetCreate(spec.uid());
            }
            throw e;
        }
        try {
            tasks.await(action, upid);
        } catch (CloudPermanentException e) {
            removal.removeQuietly(vmid, spec.uid());
            throw e;
        }
        log.info("Cloned template {} into VM {} on node {} for instance {}", template.vmid(), vmid, node, spec.uid());
        return cluster.vms().stream().filter(vm -> vm.vmid() == vmid).findFirst().orElseThrow(() ->
                new CloudTransientException("VM " + vmid + " is not listed yet after its clone"));
    }

    private void configure(Spec spec, Cluster.Vm vm) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("cores", spec.flavour().cores());
        config.put("memory", spec.flavour().memoryMib());
        config.put("agent", 1);
        config.put("cicustom", snippets.cicustom(spec.uid()));
        config.put("ipconfig0", settings.ipConfig());
        String flavour = "flavours." + spec.flavourId();
        Map<String, String> origins = new LinkedHashMap<>(Map.of("cores", flavour + ".cores", "memory",
                flavour + ".memory-mib", "cicustom", "snippets-storage", "ipconfig0", "ip-config"));
        for (int i = 0; i < spec.flavour().gpu(); i++) {
            config.put("hostpci" + i, "mapping=" + spec.flavour().gpuMapping() + ",pcie=1");
            origins.put("hostpci" + i, flavour + ".gpu-mapping");
        }
        // the tags come last: a tagged VM is a finished one, which the portal may adopt as it is
        config.put("tags", VmTags.of(spec.tags(), clock.instant()));
        String action = "configure VM " + vm.vmid() + " for instance " + spec.uid();
        try {
            tasks.await(action, api.post(action, path(vm) + "/config", config, origins));
        } catch (CloudPermanentException e) {
            removal.removeQuietly(vm.vmid(), spec.uid());
            throw e;
        }
    }

    private CloudInstance start(Spec spec, Cluster.Vm vm) {
        JsonNode current = machines.current(vm).orElseThrow(() -> new CloudTransientException(
                "VM " + vm.vmid() + " of instance " + spec.uid() + " vanished while it was being created"));
        if ("stopped".equals(current.path("status").asText())) {
            String action = "start VM " + vm.vmid() + " for instance " + spec.uid();
            try {
                tasks.await(action, api.post(action, path(vm) + "/status/start", Map.of(), Map.of()));
            } catch (CloudPermanentException e) {
                removal.removeQuietly(vm.vmid(), spec.uid());
                throw e;
            }
        }
        snippets.forgetCreate(spec.uid());
        Cluster.Vm tagged = machines.byInstanceUid(spec.uid()).map(Machines.Owned::vm).orElse(vm);
        return machines.describe(new Machines.Owned(tagged, spec.uid(), true, VmTags.created(tagged.tags())))
                .orElseThrow(() -> new CloudTransientException("VM " + vm.vmid() + " vanished right after it started"));
    }

    /** The online node with the most free memory (then the least busy), among those allowed by setting nodes. */
    private String node() {
        return cluster.nodes().stream().filter(Cluster.Node::online)
                .filter(node -> settings.nodes().isEmpty() || settings.nodes().contains(node.name()))
                .max(Comparator.comparingLong(Cluster.Node::freeMemBytes)
                        .thenComparing(Comparator.comparingDouble(Cluster.Node::cpuLoad).reversed()))
                .map(Cluster.Node::name).orElseThrow(() -> new CloudTransientException("no Proxmox node "
                        + (settings.nodes().isEmpty() ? "" : "of setting nodes " + settings.nodes() + " ")
                        + "is online"));
    }

    private static String path(Cluster.Vm vm) {
        return "/nodes/" + vm.node() + "/qemu/" + vm.vmid();
    }

    private static String blankToNull(String value) {
        return ProxmoxSettings.blank(value) ? null : value;
    }
}
