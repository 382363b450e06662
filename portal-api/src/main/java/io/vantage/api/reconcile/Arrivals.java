package io.vantage.api.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.vantage.api.cloud.MachineStateChanged;
import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.command.CommandQueue;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

/**
 * Time to desktop: instances on their way to running are asked about every {@code transition-interval} (not the
 * reconciler's every few seconds), and once the cloud says a machine runs, only its ports are probed, right away and
 * then with a short backoff ({@link #FIRST_PROBE} doubling up to {@link #LONGEST_PROBE}): a booting machine costs
 * the cloud no calls while its services start. The moment they all answer, the {@link Reconciler} looks (one call)
 * and marks it ACTIVE, which reaches the instance's page as a live event. Runs on one replica at a time, on threads
 * of its own (the portal's scheduled jobs share one thread, and any of them would hold it up); the reconciler's own
 * passes still cover everything.
 */
@Component
class Arrivals implements DisposableBean {

    static final Duration FIRST_PROBE = Duration.ofMillis(50);
    static final Duration LONGEST_PROBE = Duration.ofSeconds(1);
    /** After this the reconciler's passes take over again (and the next look starts probing afresh). */
    static final Duration PROBING_AT_MOST = Duration.ofMinutes(2);
    /** A booting machine may drop connection attempts: do not let one hold up the others' probes. */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);
    private static final Logger log = LoggerFactory.getLogger(Arrivals.class);
    private static final EnumSet<InstanceState> ARRIVING = EnumSet.of(InstanceState.BUILDING, InstanceState.STARTING,
            InstanceState.REBOOTING);

    private final InstanceRepository instances;
    private final ReconcileSnapshots snapshots;
    private final ProviderRegistry providers;
    private final CommandQueue commands;
    private final PortProbe probe;
    private final Reconciler reconciler;
    private final ReconcileProperties properties;
    private final LockingTaskExecutor locks;
    private final Map<Long, Long> probing = new ConcurrentHashMap<>();
    private final ScheduledExecutorService probes = Executors.newScheduledThreadPool(4, task -> {
        Thread thread = new Thread(task, "arrival-probes");
        thread.setDaemon(true);
        return thread;
    });

    Arrivals(InstanceRepository instances, ReconcileSnapshots snapshots, ProviderRegistry providers,
             CommandQueue commands, PortProbe probe, Reconciler reconciler, ReconcileProperties properties,
             LockProvider lockProvider) {
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.instances = instances;
        this.snapshots = snapshots;
        this.providers = providers;
        this.commands = commands;
        this.probe = probe;
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        probes.scheduleWithFixedDelay(this::lookOnOneReplica, 1000, properties.transitionInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void lookOnOneReplica() {
        try {
            locks.executeWithLock((Runnable) this::look, new LockConfiguration(Instant.now(), "reconcile-arrivals",
                    Duration.ofMinutes(5), Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Looking at arriving instances failed: {}", e.getMessage()); // and again at the next tick
        }
    }

    /**
     * A provider that hears of its machines' changes (the local one, when a launch is done) says so: arriving
     * instances are looked at now rather than at the next tick. On this replica, without the lock: looks are safe
     * to repeat, and the replica whose provider heard it is the one to act.
     */
    @EventListener
    void on(MachineStateChanged change) {
        try {
            probes.execute(this::look);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    void look() {
        if (properties.enabled()) {
            instances.findByStateIn(ARRIVING).stream().map(Instance::getId).filter(id -> !probing.containsKey(id))
                    .forEach(this::look);
        }
    }

    private void look(Long instanceId) {
        try {
            List<Endpoint> ports = runningPorts(instanceId).orElse(null);
            if (ports == null) {
                return; // not running yet, or in a command's hands
            }
            if (allAnswer(ports)) {
                reconciler.reconcile(List.of(instanceId));
            } else if (probing.putIfAbsent(instanceId, System.nanoTime() + PROBING_AT_MOST.toNanos()) == null) {
                // one probing per instance, whether a tick or a provider's word started it
                probes.schedule(() -> probe(instanceId, ports, FIRST_PROBE), FIRST_PROBE.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            // a cloud that cannot be reached now: the reconciler says so on the instance
            log.debug("Could not look at arriving instance {}: {}", instanceId, e.getMessage());
        }
    }

    /** The endpoints of the image's required ports, when the cloud says the machine runs. */
    private Optional<List<Endpoint>> runningPorts(Long instanceId) {
        if (commands.hasWork(instanceId)) {
            return Optional.empty();
        }
        ReconcileSnapshots.Snapshot snapshot = snapshots.load(instanceId).orElse(null);
        CloudProvider provider = snapshot == null ? null : providers.find(snapshot.providerId()).orElse(null);
        if (provider == null) {
            return Optional.empty();
        }
        CloudInstance machine = provider.compute().get(snapshot.computeId()).orElse(null);
        if (machine == null || machine.state() != CloudState.RUNNING) {
            return Optional.empty();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (int port : snapshot.requiredPorts()) {
            Optional<Endpoint> endpoint = provider.network().endpoint(machine, port);
            if (endpoint.isEmpty()) {
                return Optional.empty(); // the reconciler says why
            }
            endpoints.add(endpoint.get());
        }
        return Optional.of(endpoints);
    }

    private void probe(Long instanceId, List<Endpoint> ports, Duration delay) {
        Long until = probing.get(instanceId);
        if (until == null) {
            return;
        }
        if (allAnswer(ports)) {
            probing.remove(instanceId);
            reconciler.reconcile(List.of(instanceId)); // never throws: it logs what went wrong
        } else if (System.nanoTime() - until > 0) {
            probing.remove(instanceId);
        } else {
            Duration next = delay.multipliedBy(2).compareTo(LONGEST_PROBE) > 0 ? LONGEST_PROBE : delay.multipliedBy(2);
            probes.schedule(() -> probe(instanceId, ports, next), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean allAnswer(List<Endpoint> ports) {
        Duration timeout = properties.probeTimeout().compareTo(PROBE_TIMEOUT) > 0 ? PROBE_TIMEOUT
                : properties.probeTimeout();
        return ports.stream().allMatch(endpoint -> probe.isOpen(endpoint, timeout));
    }

    @Override
    public void destroy() {
        probes.shutdownNow();
    }
}
