package io.vantage.api.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One plan's pool as admins see it: what is set, whether it can work, and the machines now.
 *
 * @param unsupported why this plan can have no pool (its cloud cannot hand a machine over, the plan is withdrawn),
 *                    or null
 * @param size        the size set, or 0 without a pool
 * @param days        days of the week (MON...) the pool is kept; empty: every day
 * @param from        start of the daily window (HH:mm), or null for all day
 * @param target      how many machines the pool should hold right now (0 outside its schedule)
 * @param ready       machines waiting for a launch, their services answering
 * @param warming     machines being made or started
 * @param problem     why the pool is short (the cloud has no room, a machine failed), or null
 */
public record PoolView(Long planId, String imageName, String imageVersion, String flavourName, String providerName,
                       String unsupported, boolean configured, int size, List<String> days, String from, String until,
                       String schedule, long maxIdleMinutes, int target, int ready, int warming, List<Machine> machines,
                       String problem, Instant problemAt, Instant updatedAt) {

    /** A pool machine: its uid, state and how long it has existed. */
    public record Machine(String uid, String state, Instant createdAt, long ageSeconds) {

        static Machine of(String uid, String state, Instant createdAt, Instant now) {
            return new Machine(uid, state, createdAt, Duration.between(createdAt, now).toSeconds());
        }
    }
}
