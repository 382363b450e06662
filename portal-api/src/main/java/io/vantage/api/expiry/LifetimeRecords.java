package io.vantage.api.expiry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.vantage.api.launch.InstanceLaunched;
import io.vantage.domain.expiry.InstanceActivityRepository;
import io.vantage.domain.instance.ExtensionRequestRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceDeletion;
import io.vantage.domain.instance.InstanceDeletionRepository;
import io.vantage.domain.instance.InstanceDeletionRequested;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.RequestState;

/**
 * What other features do to an instance that the lifetime records follow, in the same transaction: a launch (or a
 * pool machine's hand-over) gets its end of life and first planned deletion, a deletion its cause (kept for the page and the e-mail
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
    private final InstanceActivityRepository activity;

    LifetimeRecords(InstanceRepository instances, InstanceDeletionRepository deletions,
                    ExtensionRequestRepository requests, ExpirySchedule schedule, LifetimeEvents events,
                    InstanceActivityRepository activity) {
        this.activity = activity;
        this.instances = instances;
        this.deletions = deletions;
        this.requests = requests;
        this.schedule = schedule;
        this.events = events;
    }

    /**
     * The first end of life, and the inactivity clock of a pool machine handed over (it starts then, as a launch's
     * does). Synchronous, in the launch's transaction: no instance commits without its end of life and planned
     * deletion, which the CREATE command and the next sweep read, and a failure here rolls the launch back.
     */
    @EventListener
    void launched(InstanceLaunched launched) {
        Instance instance = instances.findById(launched.instanceId()).orElseThrow();
        if (launched.handedOver()) {
            activity.recordInteraction(instance.getId(), launched.at());
        }
        instance.startLifetime(launched.at().plus(launched.lifetime()), launched.at());
        schedule.reschedule(instance, launched.at());
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
