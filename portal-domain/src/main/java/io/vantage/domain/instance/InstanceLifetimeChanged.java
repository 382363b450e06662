package io.vantage.domain.instance;

import java.time.Instant;

/**
 * Published when an instance's end of life moves (an extension, an admin's new date), so a cloud that ends machines
 * at a time limit of its own (a batch job's) can be told.
 */
public record InstanceLifetimeChanged(Long instanceId, String uid, Long providerId, Instant terminationDate,
                                      Instant at) {
}
