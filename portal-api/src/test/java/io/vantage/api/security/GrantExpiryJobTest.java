package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.vantage.api.testing.MutableClock;
import io.vantage.domain.user.RoleRepository;

/** Which grants the job announces as run out: from the last look on, and on a fresh database from the start. */
class GrantExpiryJobTest {

    final RoleRepository roles = mock(RoleRepository.class);
    final RoleChanges changes = mock(RoleChanges.class);
    final GrantWatermarkRepository watermarks = mock(GrantWatermarkRepository.class);
    final MutableClock clock = new MutableClock();

    @Test
    void onAFreshDatabaseAGrantThatRanOutBeforeTheFirstLookIsAnnounced() {
        Instant started = clock.instant();
        GrantExpiryJob job = new GrantExpiryJob(roles, changes, watermarks, clock);
        when(watermarks.find(GrantExpiryJob.WATERMARK)).thenReturn(Optional.empty());
        when(roles.findUsersWithGrantsExpiredBetween(any(), any())).thenReturn(List.of("expiring-1"));
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        job.run();

        ArgumentCaptor<Instant> after = ArgumentCaptor.forClass(Instant.class);
        ArgumentCaptor<Instant> until = ArgumentCaptor.forClass(Instant.class);
        verify(roles).findUsersWithGrantsExpiredBetween(after.capture(), until.capture());
        assertThat(after.getValue()).as("from the job's start").isBetween(started, started.plusSeconds(5));
        assertThat(until.getValue()).isAfter(started.plus(Duration.ofHours(1)));
        verify(changes).changed("expiring-1", "A role of yours ran out.");
        verify(watermarks).save(GrantExpiryJob.WATERMARK, until.getValue());
    }

    @Test
    void laterLooksStartAtTheWatermark() {
        Instant last = clock.instant().minusSeconds(1);
        GrantExpiryJob job = new GrantExpiryJob(roles, changes, watermarks, clock);
        when(watermarks.find(GrantExpiryJob.WATERMARK)).thenReturn(Optional.of(last));

        job.run();

        verify(roles).findUsersWithGrantsExpiredBetween(org.mockito.ArgumentMatchers.eq(last), any());
    }
}
