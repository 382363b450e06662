package io.vantage.cloud.slurm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.Limits;

/**
 * A batch cluster queues what does not fit now, so a busy cluster must not refuse launches: the maximum is what the
 * usable nodes of the flavours' partitions hold (a snapshot), and "used" is what this deployment's own live jobs
 * ask for. The portal thus refuses only jobs that could not run even on an otherwise empty cluster, plus the
 * optional {@code maxInstances}; everything else waits in the queue with its place and expected start shown.
 */
final class SlurmLimits implements Limits {

    private final SlurmSettings settings;
    private final Nodes nodes;
    private final SlurmCompute compute;

    SlurmLimits(SlurmSettings settings, Nodes nodes, SlurmCompute compute) {
        this.settings = settings;
        this.nodes = nodes;
        this.compute = compute;
    }

    @Override
    public CloudLimits limits() {
        Set<String> partitions = partitions();
        int cpus = 0;
        int memory = 0;
        int gpus = 0;
        for (Nodes.Node node : nodes.all()) {
            boolean inScope = partitions.isEmpty() || node.partitions().stream().anyMatch(partitions::contains);
            if (node.usable() && inScope) {
                cpus += node.cpus();
                memory += node.memoryMib();
                gpus += node.gpus();
            }
        }
        List<Resources.Request> used = compute.liveJobs().stream().map(job -> Resources.tres(job.tres())).toList();
        return new CloudLimits(settings.maxInstances(), cpus, memory, gpus, used.size(),
                used.stream().mapToInt(Resources.Request::cpus).sum(),
                used.stream().mapToInt(Resources.Request::memoryMib).sum(),
                used.stream().mapToInt(Resources.Request::gpus).sum());
    }

    /** The partitions the flavours use; empty when they all use the cluster's default (then every node counts). */
    private Set<String> partitions() {
        Set<String> partitions = new HashSet<>();
        settings.flavours().values().forEach(flavour -> {
            String partition = flavour.partition() != null ? flavour.partition() : settings.partition();
            if (partition == null) {
                partitions.add("*");
            } else {
                partitions.addAll(List.of(partition.split(",")));
            }
        });
        return partitions.contains("*") ? Set.of() : partitions;
    }
}
