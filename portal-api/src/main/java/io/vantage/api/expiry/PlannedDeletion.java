package io.vantage.api.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.vantage.domain.instance.ExpirationReason;

/** When an instance will be deleted if nothing changes, and why. */
record PlannedDeletion(ExpirationReason reason, Instant at) {

    PlannedDeletion {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The earlier of the end of its lifetime and the end of its allowed idleness; at a tie, the lifetime (the
     * reason people can do something about by asking for an extension).
     *
     * @param terminationDate   end of the lifetime; null for an instance without one
     * @param lastInteraction   last real input from a person; null if nobody ever used it
     * @param createdAt         when it was launched, the start of idleness for an instance never used
     * @param inactivity        how long the owner's instances may stay unused
     */
    static PlannedDeletion of(Instant terminationDate, Instant lastInteraction, Instant createdAt,
                              Duration inactivity) {
        Instant idleSince = lastInteraction != null && lastInteraction.isAfter(createdAt) ? lastInteraction : createdAt;
        Instant idleDeadline = idleSince.plus(inactivity);
        if (terminationDate != null && !terminationDate.isAfter(idleDeadline)) {
            return new PlannedDeletion(ExpirationReason.LIFETIME, terminationDate);
        }
        return new PlannedDeletion(ExpirationReason.INACTIVITY, idleDeadline);
    }
}
