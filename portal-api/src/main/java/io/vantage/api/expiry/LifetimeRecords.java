package io.vantage.api.expiry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.vantage.domain.instance.ExtensionRequestRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceDeletion;
import io.vantage.domain.instance.InstanceDeletionRepository;
import io.vantage.domain.instance.InstanceDeletionRequested;
import io.vantage.domain.instance.InstanceHandedOver;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.InstanceStateChanged;
import io.vantage.domain.instance.RequestState;

/**
 * What other features do to an instance that the lifetime records follow, in the same transaction: a launch (or a
 * pool machine's hand-over) gets its first planned deletion, a deletion its cause (kept for the page and the e-mail
 * that tell people why). Publishing an event is how other features change a lifetime; they never write these
 * records themselves.
 */
@Component
class LifetimeRecords {

    private final InstanceRepository instances;
    private final InstanceDeletionRepository deletions;
    private final ExtensionRequestRepository requests;
    private final ExpirySchedule schedule;
    private final LifetimeEvents events;

    LifetimeRecords(InstanceRepository instances, InstanceDeletionRepository deletions,
                    ExtensionRequestRepository requests, ExpirySchedule schedule, LifetimeEvents events) {
        this.instances = instances;
        this.deletions = deletions;
        this.requests = requests;
        this.schedule = schedule;
        this.events = events;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void launched(InstanceStateChanged change) {
        if (change.from() == null && change.to() == InstanceState.BUILDING) {
            instances.findByUid(change.uid()).ifPresent(instance -> schedule.reschedule(instance, change.at()));
        }
    }

    /** A pool machine handed over to a person starts its lifetime and inactivity clock then, as a launch does. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void handedOver(InstanceHandedOver handedOver) {
        instances.findById(handedOver.instanceId()).ifPresent(instance -> schedule.reschedule(instance, handedOver.at()));
    }

    /** Also answers requests for more time still waiting: admins no longer see them as something to decide. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void deletionRequested(InstanceDeletionRequested requested) {
        deletions.findById(requested.instanceId()).ifPresentOrElse(known -> known.record(requested),
                () -> deletions.save(new InstanceDeletion(requested)));
        Instance instance = instances.findById(requested.instanceId()).orElseThrow();
        requests.findByInstanceIdOrderByCreatedAtDesc(instance.getId()).stream()
                .filter(request -> request.getState() == RequestState.PENDING).forEach(request -> {
                    request.refuse(null, "The instance was deleted", requested.at());
                    events.requestsChanged(instance, request);
                });
    }
}
