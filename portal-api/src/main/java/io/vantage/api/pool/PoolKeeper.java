package io.vantage.api.pool;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps every pool at its size: every few seconds on one replica (ShedLock), and at once after a launch took a
 * machine or an admin changed a pool or a plan. Each plan is kept in a transaction that locks the plan's row, so two
 * keepers (the scheduled one and a nudge, or two replicas) never fill or drain the same pool at once; the machines
 * are made and deleted through the command queue like any instance's.
 */
@Component
@EnableConfigurationProperties(PoolProperties.class)
public class PoolKeeper {

    private static final Logger log = LoggerFactory.getLogger(PoolKeeper.class);

    private final PoolRefill refill;
    private final PoolRepository pools;
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pool-keeper");
        thread.setDaemon(true);
        return thread;
    });

    PoolKeeper(PoolRefill refill, PoolRepository pools) {
        this.refill = refill;
        this.pools = pools;
    }

    @Scheduled(fixedDelayString = "${vantage.pools.keep-interval:15s}", initialDelayString = "5s")
    @SchedulerLock(name = "pool-keeper", lockAtMostFor = "PT5M")
    void keepAll() {
        pools.plansToKeep().forEach(this::keep);
    }

    /** Keeps this plan's pool soon, once the caller's transaction has committed (at once without one). */
    public void nudge(Long planId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudges.execute(() -> keep(planId));
                }
            });
        } else {
            nudges.execute(() -> keep(planId));
        }
    }

    void keep(Long planId) {
        try {
            refill.keep(planId);
        } catch (OptimisticLockingFailureException e) {
            log.debug("A machine of the pool of plan {} changed meanwhile; the next round looks again", planId);
        } catch (RuntimeException e) { // one broken pool must not stop the others
            log.warn("Could not keep the pool of plan {}: {}", planId, e.getMessage(), e);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        nudges.shutdownNow();
    }
}
