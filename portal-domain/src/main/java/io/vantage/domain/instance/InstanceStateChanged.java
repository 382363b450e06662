package io.vantage.domain.instance;

import java.time.Instant;

/**
 * Published when an instance moves from one state to another, or when what people are shown about it changes in the
 * same state ({@code from == to}: the cloud's detail, a time-limit problem), so open pages refresh.
 */
public record InstanceStateChanged(Long instanceId, String uid, InstanceState from, InstanceState to, String reason,
                                   Instant at) {
}
