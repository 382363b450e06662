package io.vantage.api.tunnel;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.vantage.api.security.AccessChange;
import io.vantage.api.security.AccessChanges;
import io.vantage.api.security.AccessPolicy;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.InstanceStateChanged;

/**
 * An instance stopped, restarting or deleted: everyone's connections to it end at once, on every replica, with the
 * reason. Only transitions someone asked for count: a state the cloud merely reports (ERROR, UNKNOWN, STARTING
 * again) may pass, and a connection whose machine really went away ends by itself.
 */
@Component
class InstanceEnds {

    private static final Set<InstanceState> ENDING = EnumSet.of(InstanceState.STOPPING, InstanceState.STOPPED,
            InstanceState.REBOOTING, InstanceState.DELETING, InstanceState.DELETED);

    private final AccessChanges access;

    InstanceEnds(AccessChanges access) {
        this.access = access;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(InstanceStateChanged change) {
        if (ENDING.contains(change.to()) && (change.from() == null || !ENDING.contains(change.from()))) {
            access.publish(AccessChange.instance(change.instanceId(), AccessPolicy.notRunning(change.to())));
        }
    }
}
