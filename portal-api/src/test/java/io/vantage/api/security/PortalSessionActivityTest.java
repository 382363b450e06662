package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * Input in a session's tabs moves its last access forward, written at most once per throttle however much input
 * there is (a quarter of a shorter timeout); a session without input, or one the repository no longer finds (expired, ended), is not written.
 */
class PortalSessionActivityTest {

    @SuppressWarnings("unchecked")
    private final FindByIndexNameSessionRepository<MapSession> repository = mock(FindByIndexNameSessionRepository.class);
    private final PortalSessionActivity activity = new PortalSessionActivity(provider());

    @Test
    void inputMovesTheLastAccessForwardOncePerThrottle() {
        MapSession used = session("used", Duration.ofHours(8));
        MapSession idle = session("idle", Duration.ofHours(8));
        Instant before = used.getLastAccessedTime();
        Instant idleBefore = idle.getLastAccessedTime();

        activity.used("used");
        activity.used("used");
        activity.refresh();
        activity.used("used");
        activity.refresh();

        assertThat(used.getLastAccessedTime()).isAfter(before);
        verify(repository, times(1)).save(used);
        verify(repository, never()).findById("idle");
        assertThat(idle.getLastAccessedTime()).isEqualTo(idleBefore);
    }

    @Test
    void aShortTimeoutIsRefreshedWithinAQuarterOfIt() {
        MapSession used = session("short", Duration.ofMillis(400));

        activity.used("short");
        activity.refresh();
        Instant first = used.getLastAccessedTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            activity.used("short");
            activity.refresh();
            return used.getLastAccessedTime().isAfter(first);
        });
    }

    @Test
    void aSessionTheRepositoryNoLongerFindsIsNotWritten() {
        activity.used("gone");
        activity.used(null);
        activity.refresh();

        verify(repository).findById("gone");
        verify(repository, never()).save(any());
    }

    private MapSession session(String id, Duration timeout) {
        MapSession session = new MapSession(id);
        session.setMaxInactiveInterval(timeout);
        session.setLastAccessedTime(Instant.now().minusSeconds(120));
        when(repository.findById(id)).thenReturn(session);
        return session;
    }

    @SuppressWarnings("unchecked")
    private ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> provider() {
        ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenAnswer(invocation -> repository);
        return provider;
    }
}
