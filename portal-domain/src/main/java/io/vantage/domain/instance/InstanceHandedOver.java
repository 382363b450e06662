package io.vantage.domain.instance;

import java.time.Instant;

/** A launch took a pool machine: it is now {@code ownerId}'s instance, launched at {@code at}. */
public record InstanceHandedOver(Long instanceId, String uid, String ownerId, Instant at) {
}
