package io.vantage.api.admin;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.vantage.domain.instance.ExpirationReason;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceExpirationRepository;

/** Moves an instance's termination date, and its planned lifetime expiry with it (so the warning is sent again). */
@Component
class TerminationDates {

    private final InstanceExpirationRepository expirations;

    TerminationDates(InstanceExpirationRepository expirations) {
        this.expirations = expirations;
    }

    /** Call inside a transaction. An inactivity expiry is left alone: it moves when the instance is used. */
    void extend(Instance instance, Instant until, Instant now) {
        instance.extendUntil(until, now);
        expirations.findById(instance.getId()).filter(e -> e.getReason() == ExpirationReason.LIFETIME)
                .ifPresent(e -> e.reschedule(ExpirationReason.LIFETIME, until));
    }
}
