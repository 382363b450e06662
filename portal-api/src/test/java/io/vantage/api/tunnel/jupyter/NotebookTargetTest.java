package io.vantage.api.tunnel.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.catalogue.ProtocolKind;

/**
 * A notebook sends many requests at once: when the cloud did not say where it is, the requests that follow within a
 * moment get the same answer at once instead of each waiting for the cloud again, and a later one asks afresh.
 */
class NotebookTargetTest {

    Instant now = Instant.parse("2026-12-06T08:00:00Z");
    final Clock clock = mock(Clock.class);
    final TunnelTargets targets = mock(TunnelTargets.class);
    final NotebookAccess access = new NotebookAccess(null, null, null, targets, null, null, clock);

    @Test
    void aCloudThatDidNotAnswerIsRememberedBrieflyAndAskedAgainAfterwards() {
        when(clock.instant()).thenAnswer(invocation -> now);
        when(clock.getZone()).thenReturn(ZoneOffset.UTC);
        TunnelTargets.Target found = new TunnelTargets.Target(new Endpoint("10.0.0.9", 8888), "token", 0, 0, null,
                "notebook");
        when(targets.resolve(5L, ProtocolKind.JUPYTER))
                .thenThrow(new TunnelTargets.CloudNotAnswering("The cloud does not answer, so ..."))
                .thenReturn(Optional.of(found));

        assertThatThrownBy(() -> access.target(5L)).isInstanceOf(TunnelTargets.CloudNotAnswering.class);
        now = now.plus(Duration.ofSeconds(1));
        assertThatThrownBy(() -> access.target(5L)).as("the next request of the page, at once")
                .isInstanceOf(TunnelTargets.CloudNotAnswering.class).hasMessageStartingWith("The cloud does not answer");
        verify(targets, times(1)).resolve(5L, ProtocolKind.JUPYTER);

        now = now.plus(NotebookAccess.NOT_FOUND_TTL);
        assertThat(access.target(5L)).contains(found);
        verify(targets, times(2)).resolve(5L, ProtocolKind.JUPYTER);
    }
}
