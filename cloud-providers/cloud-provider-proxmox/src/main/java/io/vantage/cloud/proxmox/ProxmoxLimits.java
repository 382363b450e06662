package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Tags;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Capacity from the cluster's resources: the online nodes this provider may use, against what the running VMs on
 * them (anyone's) were given. vCPUs may be overcommitted by setting cpu-overcommit; memory never is.
 */
final class ProxmoxLimits implements Limits {

    private static final long MIB = 1024L * 1024;

    private final Cluster cluster;
    private final ProxmoxSettings settings;
    private final String deploymentId;

    ProxmoxLimits(Cluster cluster, ProxmoxSettings settings, String deploymentId) {
        this.cluster = cluster;
        this.settings = settings;
        this.deploymentId = deploymentId;
    }

    @Override
    public CloudLimits limits() {
        List<Cluster.Node> nodes = cluster.nodes().stream().filter(Cluster.Node::online)
                .filter(node -> settings.nodes().isEmpty() || settings.nodes().contains(node.name())).toList();
        Set<String> names = nodes.stream().map(Cluster.Node::name).collect(Collectors.toSet());
        List<Cluster.Vm> vms = cluster.vms().stream().filter(vm -> !vm.template()).toList();
        List<Cluster.Vm> running = vms.stream().filter(vm -> "running".equals(vm.status()))
                .filter(vm -> names.contains(vm.node())).toList();
        int maxVcpu = (int) Math.floor(nodes.stream().mapToLong(Cluster.Node::maxCpu).sum() * settings.cpuOvercommit());
        int maxMemory = (int) (nodes.stream().mapToLong(Cluster.Node::maxMemBytes).sum() / MIB);
        int usedVcpu = running.stream().mapToInt(Cluster.Vm::maxCpu).sum();
        int usedMemory = (int) Math.ceil(running.stream().mapToLong(Cluster.Vm::maxMemBytes).sum() / (double) MIB);
        int ours = (int) vms.stream().filter(vm -> deploymentId.equals(vm.tags().get(Tags.DEPLOYMENT))).count();
        return new CloudLimits(settings.maxInstances(), maxVcpu, maxMemory, null, ours, usedVcpu, usedMemory, 0);
    }
}
