package io.vantage.api.cloud;

import java.time.Instant;

import io.vantage.cloud.api.CloudLimits;

/**
 * What a cloud last said, as the background watch recorded it; requests read this instead of asking the cloud.
 *
 * @param checkedAt     when its health was last asked (null: never yet)
 * @param limitsAt      when its limits were last read (null: never)
 * @param limitsProblem why the last reading of the limits failed, or null
 * @param limits        the cloud's maxima and use when last read; null before the first reading
 * @param counted       the portal's own machines on that cloud at that moment
 */
public record CloudSnapshot(Long providerId, Instant checkedAt, boolean up, String message, Long latencyMs,
                            Instant limitsAt, String limitsProblem, CloudLimits limits, Resources counted) {

    /** What machines the portal does not know of use in the same project, as of the last reading. */
    public Resources others() {
        if (limits == null) {
            return Resources.NONE;
        }
        return new Resources(limits.usedInstances(), limits.usedVcpu(), limits.usedMemoryMib(), limits.usedGpu())
                .minus(counted);
    }
}
