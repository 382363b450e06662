package io.vantage.api.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.command.CommandQueue;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

/**
 * Keeps instance states true to the clouds: changing instances every few seconds, the rest every half minute.
 * ACTIVE needs the cloud to say running and the image's required ports to answer. A cloud that cannot be reached
 * changes no state; the instance only gets a reason saying so. Runs on one replica at a time.
 */
@Component
@EnableConfigurationProperties(ReconcileProperties.class)
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final EnumSet<InstanceState> CHANGING = EnumSet.of(InstanceState.BUILDING, InstanceState.STARTING,
            InstanceState.STOPPING, InstanceState.REBOOTING, InstanceState.DELETING, InstanceState.PARTIALLY_ACTIVE,
            InstanceState.UNKNOWN);

    private final InstanceRepository instances;
    private final ReconcileSnapshots snapshots;
    private final ProviderRegistry providers;
    private final CommandQueue commands;
    private final PortProbe probe;
    private final ReconcileProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Timer launchToActive;
    private final UnknownBackoff unknownBackoff;

    Reconciler(InstanceRepository instances, ReconcileSnapshots snapshots, ProviderRegistry providers,
               CommandQueue commands, PortProbe probe, ReconcileProperties properties, TransactionTemplate tx,
               Clock clock, MeterRegistry meters) {
        this.instances = instances;
        this.snapshots = snapshots;
        this.providers = providers;
        this.commands = commands;
        this.probe = probe;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.unknownBackoff = new UnknownBackoff(properties.fastInterval(), properties.unknownMaxInterval());
        this.launchToActive = Timer.builder("vantage.instances.launch.duration")
                .description("Time from launch to the instance's services answering").publishPercentileHistogram()
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${vantage.reconcile.fast-interval:2s}", initialDelayString = "2s")
    @SchedulerLock(name = "reconcile-changing", lockAtMostFor = "PT5M")
    void changing() {
        if (properties.enabled()) {
            reconcile(due(instances.findByStateIn(CHANGING)));
        }
    }

    @Scheduled(fixedDelayString = "${vantage.reconcile.slow-interval:30s}", initialDelayString = "10s")
    @SchedulerLock(name = "reconcile-all", lockAtMostFor = "PT15M")
    void all() {
        if (properties.enabled()) {
            reconcile(due(instances.findAllAlive()));
        }
    }

    /** All of them, except UNKNOWN ones whose next look is not due yet (they are asked about with backoff). */
    private List<Long> due(List<Instance> candidates) {
        Instant now = clock.instant();
        List<Long> unknown = candidates.stream().filter(i -> i.getState() == InstanceState.UNKNOWN)
                .map(Instance::getId).toList();
        List<Long> due = candidates.stream().filter(i -> i.getState() != InstanceState.UNKNOWN
                || unknownBackoff.due(i.getId(), now)).map(Instance::getId).toList();
        unknownBackoff.keepOnly(unknown); // both passes see every UNKNOWN instance
        return due;
    }

    public void reconcile(List<Long> instanceIds) {
        for (Long id : instanceIds) {
            try {
                reconcileOne(id);
            } catch (OptimisticLockingFailureException e) {
                log.debug("Instance {} changed while reconciling; next round will look again", id);
            } catch (RuntimeException e) {
                log.warn("Could not reconcile instance {}: {}", id, e.getMessage());
            }
        }
    }

    void reconcileOne(Long instanceId) {
        if (commands.hasWork(instanceId)) {
            return; // the command worker owns the instance until its command is done
        }
        Optional<ReconcileSnapshots.Snapshot> loaded = snapshots.load(instanceId);
        if (loaded.isEmpty()) {
            return;
        }
        ReconcileSnapshots.Snapshot snapshot = loaded.get();
        Optional<CloudProvider> provider = providers.find(snapshot.providerId());
        if (provider.isEmpty()) {
            return;
        }
        Observation observation;
        try {
            observation = observe(provider.get(), snapshot);
        } catch (CloudProviderException e) {
            explain(instanceId, "The cloud cannot be reached right now (" + e.getMessage() + "); state as last seen.");
            return;
        }
        tx.executeWithoutResult(status -> instances.findById(instanceId).ifPresent(instance -> {
            boolean wasActivated = instance.getActivatedAt() != null;
            StateMapper.apply(instance, observation, snapshot.lastCommandFinished(), properties.settleTime(),
                    clock.instant());
            instances.save(instance);
            if (!wasActivated && instance.getActivatedAt() != null) {
                launchToActive.record(Duration.between(instance.getCreatedAt(), instance.getActivatedAt()));
            }
        }));
    }

    private Observation observe(CloudProvider provider, ReconcileSnapshots.Snapshot snapshot) {
        CloudInstance machine = provider.compute().get(snapshot.computeId()).orElse(null);
        if (machine == null) {
            return new Observation(null, snapshot.requiredPorts().size(), 0);
        }
        int open = 0;
        if (machine.state() == io.vantage.cloud.api.CloudState.RUNNING) {
            for (int port : snapshot.requiredPorts()) {
                if (provider.network().endpoint(machine, port).filter(e -> probe.isOpen(e, properties.probeTimeout()))
                        .isPresent()) {
                    open++;
                }
            }
        }
        return new Observation(machine, snapshot.requiredPorts().size(), open);
    }

    private void explain(Long instanceId, String reason) {
        tx.executeWithoutResult(status -> instances.findById(instanceId).ifPresent(instance -> {
            if (!reason.equals(instance.getStateReason())) {
                instance.explain(reason);
                instances.save(instance);
            }
        }));
    }
}
