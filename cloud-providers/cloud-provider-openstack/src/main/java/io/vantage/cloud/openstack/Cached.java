package io.vantage.cloud.openstack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** One value kept for a short time, so the portal's pages do not each ask Glance and Nova again. */
final class Cached<T> {

    private final Supplier<T> loader;
    private final Duration ttl;
    private final Clock clock;
    private T value;
    private Instant loadedAt;

    Cached(Supplier<T> loader, Duration ttl, Clock clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
    }

    // Failures are not cached: the next caller tries again.
    synchronized T get() {
        Instant now = clock.instant();
        if (value == null || loadedAt.plus(ttl).isBefore(now) || ttl.isZero()) {
            value = loader.get();
            loadedAt = now;
        }
        return value;
    }
}
