package io.vantage.domain.instance;

import java.time.Instant;

/** Published when an instance moves from one state to another (after the transaction commits). */
public record InstanceStateChanged(Long instanceId, String uid, InstanceState from, InstanceState to, String reason,
                                   Instant at) {
}
