package io.vantage.api.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;


/**
 * Which people the expiry check tells about: those whose held sessions no longer hold, each once per pass however
 * many of their things a session held, and a session once while it stays held (not on every pass).
 */
class SessionExpiryWatchTest {

    private final Map<String, String> desktops = new HashMap<>();
    private final Map<String, String> streams = new HashMap<>();
    private final PortalSessionRepository repository = mock(PortalSessionRepository.class);
    private final AccessChanges changes = mock(AccessChanges.class);
    private final SessionExpiryWatch watch = new SessionExpiryWatch(holders(), repository, changes,
            mock(PortalSessionActivity.class));

    @Test
    void tellsThePeopleOfSessionsThatNoLongerHoldAndNobodyElse() {
        desktops.putAll(Map.of("s-ann-1", "ann", "s-ann-2", "ann", "s-bob", "bob"));
        streams.put("s-ann-1", "ann");
        when(repository.live(anyCollection(), any())).thenReturn(Set.of("s-ann-2"));

        watch.run();

        verify(changes).publish(AccessChange.person("bob", SessionExpiryWatch.REASON));
        verify(changes).publish(AccessChange.person("ann", SessionExpiryWatch.REASON));
        verify(changes, times(2)).publish(any());
    }

    @Test
    void aSessionIsToldOnceWhileHeldAndLooksNothingUpWhenNothingIsHeld() {
        watch.run();
        verify(repository, never()).live(anyCollection(), any());

        desktops.put("s-bob", "bob");
        when(repository.live(anyCollection(), any())).thenReturn(Set.of());
        watch.run();
        watch.run();

        verify(changes, times(1)).publish(AccessChange.person("bob", SessionExpiryWatch.REASON));
    }

    @SuppressWarnings("unchecked")
    private ObjectProvider<PortalSessionHolder> holders() {
        ObjectProvider<PortalSessionHolder> provider = mock(ObjectProvider.class);
        PortalSessionHolder first = () -> Map.copyOf(desktops);
        PortalSessionHolder second = () -> Map.copyOf(streams);
        when(provider.orderedStream()).thenAnswer(invocation -> Stream.of(first, second));
        return provider;
    }
}
