package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceTimeLimitRefused;

/**
 * A cloud that ends machines at a time limit of its own (a Slurm job's) and would not move it to the end of life
 * (only operators may lengthen a job's limit): the end of life comes back to when the cloud ends the machine, so the
 * warning and the planned deletion come before it, not after the machine is gone. The refusal itself is shown on the
 * instance's pages; the extension stays recorded as granted.
 */
@Component
class MachineEnds {

    private static final Logger log = LoggerFactory.getLogger(MachineEnds.class);
    /** The reconciler and the arrivals may write the instance meanwhile (they do not take the expiry row's lock). */
    private static final int ATTEMPTS = 5;

    private final InstanceRepository instances;
    private final ExpirySchedule schedule;
    private final TransactionTemplate tx;
    private final Clock clock;

    MachineEnds(InstanceRepository instances, ExpirySchedule schedule, PlatformTransactionManager transactions,
                Clock clock) {
        this.instances = instances;
        this.schedule = schedule;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * After the command worker's transaction commits, on another thread. Each attempt is a transaction of its own;
     * when all fail the event stays stored and is handed here again later (support.EventRetries), so the end of life
     * is not left after the machine's end by a busy moment.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void refused(InstanceTimeLimitRefused refused) {
        if (refused.machineEnd() == null) {
            return; // the cloud cannot say yet (a job still waiting): the end of life stays, the refusal is shown
        }
        // PostgreSQL keeps microseconds and rounds a finer instant, possibly past the machine's end: cut it down
        Instant machineEnd = refused.machineEnd().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> endWithMachine(refused.instanceId(), machineEnd));
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    log.warn("Instance {} kept changing; bringing its end of life back to {} is retried later",
                            refused.uid(), machineEnd);
                    throw e;
                }
            }
        }
    }

    private void endWithMachine(Long instanceId, Instant machineEnd) {
        instances.findById(instanceId).map(schedule::lockAndRefresh).ifPresent(instance -> {
            Instant now = clock.instant();
            if (instance.getTerminationDate() == null || machineEnd.isBefore(instance.getTerminationDate())) {
                instance.endWithMachine(machineEnd, now);
                instances.save(instance);
                schedule.reschedule(instance, now);
            }
        });
    }
}
