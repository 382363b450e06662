package io.vantage.api.launch;

import java.time.Duration;
import java.time.Instant;

/**
 * An instance was launched (or a pool machine handed over) with this lifetime; published in the launch's
 * transaction. The expiry module, the only writer of lifetimes, starts the end of life and the inactivity clock
 * from it before the launch commits.
 *
 * @param handedOver a pool machine taken by the launch (its last use must start again now)
 */
public record InstanceLaunched(Long instanceId, String uid, Duration lifetime, boolean handedOver, Instant at) {
}
