package io.vantage.domain.instance;

import java.time.Instant;

/**
 * Registered when an instance starts being deleted: who asked (null for the portal itself), why, and in words a
 * person can read ({@code detail}: the cloud's failure for {@link DeletionCause#CLOUD_FAILURE}, else the reason).
 */
public record InstanceDeletionRequested(Long instanceId, String uid, DeletionCause cause, String actorId,
                                        String detail, Instant at) {
}
