package io.vantage.domain.instance;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an instance is in its life. ACTIVE means the cloud says running and the image's required protocol ports
 * answer; PARTIALLY_ACTIVE means running with only some of them answering.
 */
public enum InstanceState {
    BUILDING,
    STARTING,
    ACTIVE,
    PARTIALLY_ACTIVE,
    STOPPING,
    STOPPED,
    REBOOTING,
    DELETING,
    DELETED,
    ERROR,
    UNKNOWN;

    private static final Map<InstanceState, Set<InstanceState>> NEXT = Map.ofEntries(
            Map.entry(BUILDING, EnumSet.of(STARTING, ACTIVE, PARTIALLY_ACTIVE, STOPPED, ERROR, UNKNOWN, DELETING)),
            Map.entry(STARTING, EnumSet.of(ACTIVE, PARTIALLY_ACTIVE, STOPPING, STOPPED, REBOOTING, ERROR, UNKNOWN,
                    DELETING)),
            Map.entry(ACTIVE, EnumSet.of(PARTIALLY_ACTIVE, STARTING, STOPPING, STOPPED, REBOOTING, ERROR, UNKNOWN,
                    DELETING)),
            Map.entry(PARTIALLY_ACTIVE, EnumSet.of(ACTIVE, STARTING, STOPPING, STOPPED, REBOOTING, ERROR, UNKNOWN,
                    DELETING)),
            Map.entry(STOPPING, EnumSet.of(STOPPED, ACTIVE, PARTIALLY_ACTIVE, ERROR, UNKNOWN, DELETING)),
            Map.entry(STOPPED, EnumSet.of(STARTING, ACTIVE, PARTIALLY_ACTIVE, ERROR, UNKNOWN, DELETING)),
            Map.entry(REBOOTING, EnumSet.of(STARTING, ACTIVE, PARTIALLY_ACTIVE, STOPPED, ERROR, UNKNOWN, DELETING)),
            Map.entry(DELETING, EnumSet.of(DELETED, ERROR, UNKNOWN)),
            Map.entry(DELETED, EnumSet.noneOf(InstanceState.class)),
            Map.entry(ERROR, EnumSet.of(STARTING, ACTIVE, PARTIALLY_ACTIVE, STOPPING, STOPPED, REBOOTING, UNKNOWN,
                    DELETING, DELETED)),
            Map.entry(UNKNOWN, EnumSet.of(STARTING, ACTIVE, PARTIALLY_ACTIVE, STOPPING, STOPPED, REBOOTING, ERROR,
                    DELETING, DELETED)));

    public boolean canBecome(InstanceState next) {
        return NEXT.get(this).contains(next);
    }

    /** States in which the cloud is expected to change the machine soon, so the portal polls often. */
    public boolean isTransitional() {
        return this == BUILDING || this == STARTING || this == STOPPING || this == REBOOTING || this == DELETING
                || this == PARTIALLY_ACTIVE;
    }

    public boolean isRunning() {
        return this == ACTIVE || this == PARTIALLY_ACTIVE;
    }

    /** Whether the instance still holds cloud resources and counts against quotas. */
    public boolean countsAgainstQuota() {
        return this != DELETED;
    }
}
