package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.vantage.domain.instance.Instance;
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

    private final InstanceRepository instances;
    private final ExpirySchedule schedule;
    private final Clock clock;

    MachineEnds(InstanceRepository instances, ExpirySchedule schedule, Clock clock) {
        this.instances = instances;
        this.schedule = schedule;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void refused(InstanceTimeLimitRefused refused) {
        if (refused.machineEnd() == null) {
            return; // the cloud cannot say yet (a job still waiting): the end of life stays, the refusal is shown
        }
        // PostgreSQL keeps microseconds and rounds a finer instant, possibly past the machine's end: cut it down
        Instant machineEnd = refused.machineEnd().truncatedTo(ChronoUnit.MICROS);
        instances.findById(refused.instanceId()).map(schedule::lockAndRefresh).ifPresent(instance -> {
            Instant now = clock.instant();
            if (instance.getTerminationDate() == null || machineEnd.isBefore(instance.getTerminationDate())) {
                instance.endWithMachine(machineEnd, now);
                instances.save(instance);
                schedule.reschedule(instance, now);
            }
        });
    }
}
