package io.vantage.api.events;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.vantage.domain.instance.InstanceMember;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceStateChanged;

/** Turns instance state changes into live events for the instance's members, sent when the change commits. */
@Component
class StateEvents {

    private final InstanceRepository instances;
    private final EventBus bus;

    StateEvents(InstanceRepository instances, EventBus bus) {
        this.instances = instances;
        this.bus = bus;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(InstanceStateChanged change) {
        instances.findByUid(change.uid()).ifPresent(instance -> {
            Set<String> viewers = new HashSet<>();
            instance.getMembers().stream().map(InstanceMember::getUserId).forEach(viewers::add);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("uid", change.uid());
            data.put("from", change.from() == null ? null : change.from().name());
            data.put("state", change.to().name());
            data.put("reason", change.reason());
            data.put("at", change.at().toString());
            bus.publish(new LiveEvent("state", change.uid(), viewers, data));
        });
    }
}
