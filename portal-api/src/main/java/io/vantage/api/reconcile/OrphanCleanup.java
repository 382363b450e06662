package io.vantage.api.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.domain.audit.AuditLog;

/**
 * Every few minutes, on one replica, deletes the machines of this deployment whose instance is deleted or failed
 * ({@link Orphans} decides), and reports each one to admins in the audit log ({@code orphan.delete}, or
 * {@code orphan.held} for a machine it will not delete). Providers only list this deployment's machines, so another
 * deployment's are never touched.
 */
@Component
public class OrphanCleanup {

    private static final Logger log = LoggerFactory.getLogger(OrphanCleanup.class);

    private final ProviderRegistry providers;
    private final OrphanRepository queries;
    private final ReconcileProperties properties;
    private final AuditLog audit;

    OrphanCleanup(ProviderRegistry providers, OrphanRepository queries, ReconcileProperties properties, AuditLog audit) {
        this.providers = providers;
        this.queries = queries;
        this.properties = properties;
        this.audit = audit;
    }

    /** Compute ids of the machines deleted, and of those held back with the reason given to admins. */
    public record Result(List<String> deleted, List<String> held) {
    }

    @Scheduled(fixedDelayString = "${vantage.reconcile.orphan-sweep:5m}",
            initialDelayString = "${vantage.reconcile.orphan-sweep:5m}")
    @SchedulerLock(name = "orphan-sweep", lockAtMostFor = "PT30M")
    void sweep() {
        if (properties.enabled()) {
            cleanUp();
        }
    }

    public Result cleanUp() {
        Result result = new Result(new ArrayList<>(), new ArrayList<>());
        for (Long providerId : queries.enabledProviders()) {
            providers.find(providerId).ifPresent(provider -> sweep(providerId, provider, result));
        }
        return result;
    }

    private void sweep(Long providerId, CloudProvider provider, Result result) {
        try {
            List<CloudInstance> machines = provider.compute().list().stream()
                    .filter(machine -> machine.instanceUid().isPresent()).toList();
            Map<String, Orphans.Known> known = queries.known(providerId,
                    machines.stream().map(m -> m.instanceUid().orElseThrow()).distinct().toList());
            Instant newest = queries.newestInstanceRecord().orElse(null);
            for (CloudInstance machine : machines) {
                Orphans.Decision decision = Orphans.decide(machine, known.get(machine.instanceUid().orElseThrow()),
                        newest);
                String details = "provider " + provider.name() + ": " + decision.reason();
                switch (decision.verdict()) {
                    case DELETE -> {
                        provider.compute().delete(machine.computeId());
                        result.deleted().add(machine.computeId());
                        log.info("Deleted orphan machine {}: {}", machine.computeId(), details);
                        audit.success(null, "orphan.delete", "machine", machine.computeId(), details);
                    }
                    case HOLD -> {
                        result.held().add(machine.computeId());
                        log.warn("Orphan machine {} not deleted: {}", machine.computeId(), details);
                        audit.failure(null, "orphan.held", "machine", machine.computeId(), details);
                    }
                    case KEEP -> { }
                }
            }
        } catch (CloudProviderException e) {
            log.warn("Orphan sweep on provider {} stopped: {}", provider.name(), e.getMessage());
        }
    }
}
