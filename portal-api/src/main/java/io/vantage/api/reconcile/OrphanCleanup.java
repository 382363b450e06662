package io.vantage.api.reconcile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.domain.audit.AuditLog;

/**
 * Deletes machines tagged with this deployment that no live instance refers to (left over by crashes or manual
 * cloud operations). Providers only list this deployment's machines, so another deployment's are never touched.
 */
@Component
public class OrphanCleanup {

    private static final Logger log = LoggerFactory.getLogger(OrphanCleanup.class);

    private final ProviderRegistry providers;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    OrphanCleanup(ProviderRegistry providers, JdbcTemplate jdbc, AuditLog audit) {
        this.providers = providers;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Scheduled(cron = "${vantage.reconcile.orphan-cleanup:0 15 3 * * *}")
    @SchedulerLock(name = "orphan-cleanup", lockAtMostFor = "PT1H")
    void nightly() {
        cleanUp();
    }

    /** Returns the compute ids deleted. */
    public List<String> cleanUp() {
        List<String> deleted = new java.util.ArrayList<>();
        for (Long providerId : jdbc.queryForList("select id from cloud_providers where enabled", Long.class)) {
            providers.find(providerId).ifPresent(provider -> deleted.addAll(cleanUp(providerId, provider)));
        }
        return deleted;
    }

    private List<String> cleanUp(Long providerId, CloudProvider provider) {
        Set<String> alive = new HashSet<>(jdbc.queryForList(
                "select uid from instances where provider_id = ? and state <> 'DELETED'", String.class, providerId));
        List<String> deleted = new java.util.ArrayList<>();
        try {
            for (CloudInstance machine : provider.compute().list()) {
                String uid = machine.instanceUid().orElse(null);
                if (uid == null || alive.contains(uid)) {
                    continue;
                }
                provider.compute().delete(machine.computeId());
                deleted.add(machine.computeId());
                log.info("Deleted orphan machine {} (instance {}) on provider {}", machine.computeId(), uid, provider.name());
                audit.success(null, "orphan.delete", "machine", machine.computeId(),
                        "provider " + provider.name() + ", instance " + uid);
            }
        } catch (CloudProviderException e) {
            log.warn("Orphan cleanup on provider {} stopped: {}", provider.name(), e.getMessage());
        }
        return deleted;
    }
}
