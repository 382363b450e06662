package io.vantage.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.vantage.domain.instance.ExpirationReason;

/** The earlier of lifetime and inactivity wins; idleness counts from the last real input, or from the launch. */
class ExpiryPlannedDeletionTest {

    static final Instant LAUNCHED = Instant.parse("2026-03-01T08:00:00Z");
    static final Duration FOUR_DAYS = Duration.ofDays(4);

    @Test
    void lifetimeWinsWhenItEndsFirst() {
        Instant end = LAUNCHED.plus(Duration.ofDays(2));
        assertThat(PlannedDeletion.of(end, LAUNCHED, LAUNCHED, FOUR_DAYS))
                .isEqualTo(new PlannedDeletion(ExpirationReason.LIFETIME, end));
    }

    @Test
    void inactivityWinsWhenNobodyUsesItBeforeTheEnd() {
        Instant end = LAUNCHED.plus(Duration.ofDays(14));
        Instant lastInput = LAUNCHED.plus(Duration.ofHours(5));
        assertThat(PlannedDeletion.of(end, lastInput, LAUNCHED, FOUR_DAYS))
                .isEqualTo(new PlannedDeletion(ExpirationReason.INACTIVITY, lastInput.plus(FOUR_DAYS)));
    }

    @Test
    void neverUsedCountsFromTheLaunch() {
        assertThat(PlannedDeletion.of(LAUNCHED.plus(Duration.ofDays(14)), null, LAUNCHED, FOUR_DAYS))
                .isEqualTo(new PlannedDeletion(ExpirationReason.INACTIVITY, LAUNCHED.plus(FOUR_DAYS)));
    }

    @Test
    void aTieIsTheLifetime() {
        Instant end = LAUNCHED.plus(FOUR_DAYS);
        assertThat(PlannedDeletion.of(end, LAUNCHED, LAUNCHED, FOUR_DAYS).reason()).isEqualTo(ExpirationReason.LIFETIME);
    }

    @Test
    void withoutTerminationDateOnlyInactivityCounts() {
        Instant lastInput = LAUNCHED.plus(Duration.ofDays(30));
        assertThat(PlannedDeletion.of(null, lastInput, LAUNCHED, FOUR_DAYS))
                .isEqualTo(new PlannedDeletion(ExpirationReason.INACTIVITY, lastInput.plus(FOUR_DAYS)));
    }
}
