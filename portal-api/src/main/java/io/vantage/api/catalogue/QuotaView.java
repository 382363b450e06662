package io.vantage.api.catalogue;

import java.time.Duration;

import io.vantage.api.launch.Usage;
import io.vantage.domain.user.Quota;

/** What a person may run, what they run, and how long their instances live. */
public record QuotaView(Quota quota, Usage usage, long lifetimeHours, long inactivityHours) {

    static QuotaView of(Quota quota, Usage usage, Duration lifetime, Duration inactivity) {
        return new QuotaView(quota, usage, lifetime.toHours(), inactivity.toHours());
    }
}
