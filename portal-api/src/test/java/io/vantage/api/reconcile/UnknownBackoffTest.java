package io.vantage.api.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnknownBackoffTest {

    static final Instant START = Instant.parse("2026-01-10T10:00:00Z");

    @Test
    void anUnknownInstanceIsAskedAboutLessAndLessOftenUpToTheCeiling() {
        UnknownBackoff backoff = new UnknownBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
        List<Long> looks = new ArrayList<>();
        for (long second = 0; second <= 120; second++) {
            if (backoff.due(7L, START.plusSeconds(second))) {
                looks.add(second);
            }
        }
        assertThat(looks).containsExactly(0L, 2L, 6L, 14L, 30L, 60L, 90L, 120L);
    }

    @Test
    void anInstanceThatLeftUnknownStartsAgainFromTheShortInterval() {
        UnknownBackoff backoff = new UnknownBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
        backoff.due(7L, START);
        backoff.due(7L, START.plusSeconds(2));
        assertThat(backoff.due(7L, START.plusSeconds(3))).isFalse();

        backoff.keepOnly(List.of());

        assertThat(backoff.due(7L, START.plusSeconds(3))).isTrue();
        assertThat(backoff.due(7L, START.plusSeconds(4))).isFalse();
        assertThat(backoff.due(7L, START.plusSeconds(5))).isTrue();
    }
}
