package io.vantage.cloud.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Optional, for clouds that end a machine at a time limit of their own ({@link Capability#TIME_LIMIT}), such as a
 * batch job's: the portal moves that limit when it sets or extends an instance's lifetime, so the cloud does not end
 * the machine before the portal would (or keep it after).
 */
public interface TimeLimits {

    /**
     * Makes the cloud end the machine at {@code end} (rounded up to the cloud's unit, e.g. whole minutes).
     *
     * @return the end the cloud now has
     * @throws CloudPermanentException when the cloud refuses, e.g. only operators may lengthen a job's time limit;
     *                                 the message says who may
     */
    Instant setEnd(String computeId, Instant end);

    /**
     * When the cloud will end the machine as things stand, so the portal can tell people the truth after a refused
     * {@link #setEnd}: empty when the cloud cannot say yet (a job still waiting, whose limit counts from its start)
     * or the machine is gone.
     */
    Optional<Instant> end(String computeId);
}
