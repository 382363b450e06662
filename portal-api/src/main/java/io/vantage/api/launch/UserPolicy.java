package io.vantage.api.launch;

import java.time.Duration;

import io.vantage.domain.user.Quota;

/** What applies to one person now: their quota and how long their instances live. */
public record UserPolicy(Quota quota, Duration lifetime, Duration inactivity) {
}
