package io.vantage.api.expiry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.vantage.domain.instance.InstanceDeletion;
import io.vantage.domain.instance.InstanceDeletionRepository;
import io.vantage.domain.instance.InstanceDeletionRequested;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.InstanceStateChanged;

/**
 * What other features do to an instance that the lifetime records follow, in the same transaction: a launch gets
 * its first planned deletion, a deletion its cause (kept for the page and the e-mail that tell people why).
 */
@Component
class LifetimeRecords {

    private final InstanceRepository instances;
    private final InstanceDeletionRepository deletions;
    private final ExpirySchedule schedule;

    LifetimeRecords(InstanceRepository instances, InstanceDeletionRepository deletions, ExpirySchedule schedule) {
        this.instances = instances;
        this.deletions = deletions;
        this.schedule = schedule;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void launched(InstanceStateChanged change) {
        if (change.from() == null && change.to() == InstanceState.BUILDING) {
            instances.findByUid(change.uid()).ifPresent(instance -> schedule.reschedule(instance, change.at()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void deletionRequested(InstanceDeletionRequested requested) {
        deletions.findById(requested.instanceId()).ifPresentOrElse(known -> known.record(requested),
                () -> deletions.save(new InstanceDeletion(requested)));
    }
}
