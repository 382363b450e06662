package io.vantage.domain.instance;

import java.time.Instant;

/**
 * Published when a cloud would not move its own end of a machine (a batch job's time limit) to the instance's end of
 * life; the lifetime's owner then brings the end of life back to {@code machineEnd}, so warnings and the deletion
 * come before the cloud ends the machine.
 *
 * @param machineEnd when the cloud will end the machine; null when it cannot say yet (a job still waiting)
 */
public record InstanceTimeLimitRefused(Long instanceId, String uid, Instant machineEnd, String problem, Instant at) {
}
