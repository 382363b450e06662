package io.vantage.api.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.instance.InstanceCommand;
import io.vantage.domain.instance.InstanceCommandRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

/** What the reconciler needs to know about an instance before it asks the cloud (read in a short transaction). */
@Component
class ReconcileSnapshots {

    record Snapshot(Long providerId, String computeId, List<Integer> requiredPorts, Instant lastCommandFinished) {
    }

    private final InstanceRepository instances;
    private final InstanceCommandRepository commands;

    ReconcileSnapshots(InstanceRepository instances, InstanceCommandRepository commands) {
        this.instances = instances;
        this.commands = commands;
    }

    @Transactional(readOnly = true)
    Optional<Snapshot> load(Long instanceId) {
        return instances.findById(instanceId)
                .filter(instance -> instance.getComputeId() != null && instance.getState() != InstanceState.DELETED)
                .map(instance -> new Snapshot(instance.getProvider().getId(), instance.getComputeId(),
                        instance.getPlan().getImage().getProtocols().stream().filter(p -> !p.isOptional())
                                .map(Protocol::getPort).sorted().toList(),
                        commands.findByInstanceIdOrderByCreatedAtDescIdDesc(instanceId).stream()
                                .map(InstanceCommand::getFinishedAt).filter(java.util.Objects::nonNull)
                                .findFirst().orElse(null)));
    }
}
