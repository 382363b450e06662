package io.vantage.api.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often an instance in UNKNOWN is asked about: at first like any changing instance, then twice as long after
 * each answer that left it unknown, up to a ceiling, so a cloud that lost a machine is not polled every two seconds
 * forever. Kept in memory: after a fail-over the next replica starts again from the short interval.
 */
final class UnknownBackoff {

    private record Next(Instant at, Duration delay) {
    }

    private final Duration first;
    private final Duration ceiling;
    private final Map<Long, Next> next = new ConcurrentHashMap<>();

    UnknownBackoff(Duration first, Duration ceiling) {
        this.first = first;
        this.ceiling = ceiling;
    }

    /** Whether this unknown instance is due a look now; if so, the following look waits twice as long. */
    boolean due(Long instanceId, Instant now) {
        Next planned = next.get(instanceId);
        if (planned != null && planned.at().isAfter(now)) {
            return false;
        }
        Duration delay = planned == null ? first : planned.delay().multipliedBy(2);
        delay = delay.compareTo(ceiling) > 0 ? ceiling : delay;
        next.put(instanceId, new Next(now.plus(delay), delay));
        return true;
    }

    /** Forgets instances that are no longer unknown, so a later UNKNOWN starts from the short interval again. */
    void keepOnly(Collection<Long> unknownIds) {
        next.keySet().retainAll(unknownIds);
    }
}
