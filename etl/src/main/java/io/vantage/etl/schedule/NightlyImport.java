package io.vantage.etl.schedule;

import java.time.Clock;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vantage.etl.config.EtlProperties;
import io.vantage.etl.run.ImportService;
import io.vantage.etl.run.RunRequest;
import io.vantage.etl.run.RunResult;

/**
 * The portal's nightly import, off unless {@code vantage.etl.schedule.enabled=true}. Across replicas one run at a
 * time: the lock goes through ShedLock's executor with the portal's {@link LockProvider} directly, so it holds
 * whether or not the application enables {@code @SchedulerLock} proxies.
 */
@Component
@ConditionalOnBooleanProperty("vantage.etl.schedule.enabled")
public class NightlyImport {

    static final String LOCK_NAME = "vantage-etl-import";
    private static final Logger log = LoggerFactory.getLogger(NightlyImport.class);

    private final ImportService importService;
    private final LockingTaskExecutor executor;
    private final EtlProperties properties;
    private final Clock clock;

    public NightlyImport(ImportService importService, LockProvider lockProvider, EtlProperties properties,
                         ObjectProvider<Clock> clock) {
        this.importService = importService;
        this.executor = new DefaultLockingTaskExecutor(lockProvider);
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${vantage.etl.schedule.cron:0 30 2 * * *}")
    public void runScheduled() {
        run();
    }

    /** The run's result, or null when another replica holds the lock. */
    public RunResult run() {
        LockConfiguration lock = new LockConfiguration(clock.instant(), LOCK_NAME,
                properties.schedule().lockAtMostFor(), properties.schedule().lockAtLeastFor());
        try {
            LockingTaskExecutor.TaskResult<RunResult> result = executor.executeWithLock(
                    () -> importService.run(RunRequest.configured("schedule")), lock);
            if (!result.wasExecuted()) {
                log.info("Nightly import skipped: another replica holds the lock");
                return null;
            }
            RunResult run = result.getResult();
            if (run.outcome() == io.vantage.domain.etl.EtlRun.Outcome.SUCCEEDED) {
                log.info("Nightly import #{}: {}", run.runId(), run.message());
            } else {
                // an import that waits for confirmation or stopped on problems needs an admin: say so loudly
                log.warn("Nightly import #{} {}: {} (see /admin/etl-runs/{})", run.runId(), run.outcome(),
                        run.message(), run.runId());
            }
            return run;
        } catch (Throwable e) {
            // a scheduled method that throws is only logged by Spring; say plainly what happened
            log.error("Nightly import could not run: {}", e.getMessage(), e);
            return null;
        }
    }
}
