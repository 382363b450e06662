package io.vantage.api.tunnel.jupyter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vantage.api.security.NotebookProperties;
import io.vantage.api.support.Tokens;

/**
 * Notebook cookies: a random value given to the browser, its hash in PostgreSQL with the person and the instance,
 * so any replica accepts it. A cookie stops working when unused for the idle timeout or past its maximum age.
 * Lookups are reused for the access-cache period; use is written at most once a minute.
 */
@Component
class NotebookSessions {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(NotebookSessions.class);

    /**
     * Whose cookie it is and for which notebook, under which portal session (null: an API token's ticket);
     * whether they may still use it is decided elsewhere.
     */
    record Session(String userId, Long instanceId, String uid, String portalSessionId) {
    }

    private record Cached(Session session, Instant until) {
    }

    private final NotebookSessionRepository repository;
    private final NotebookProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    NotebookSessions(NotebookSessionRepository repository, NotebookProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A new cookie value for this person and instance, valid while the portal session {@code portalSessionId}
     * lasts (when not null); only its hash is kept.
     */
    String open(String userId, Long instanceId, String portalSessionId) {
        String token = Tokens.secret(32);
        Instant now = clock.instant();
        repository.insert(Tokens.sha256(token), userId, instanceId, now, now.plus(properties.maxAge()),
                portalSessionId);
        return token;
    }

    Optional<Session> find(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.session());
        }
        Optional<NotebookSessionRepository.Row> row = repository.findValid(hash, now, now.minus(properties.idleTimeout()));
        if (row.isEmpty()) {
            cache.remove(hash);
            return Optional.empty();
        }
        if (row.get().lastUsedAt().isBefore(now.minus(TOUCH_EVERY))) {
            repository.touch(hash, now);
        }
        Session session = new Session(row.get().userId(), row.get().instanceId(), row.get().uid(),
                row.get().portalSessionId());
        cache.put(hash, new Cached(session, now.plus(properties.accessCache())));
        if (cache.size() > 10_000) {
            cache.values().removeIf(entry -> entry.until().isBefore(now));
        }
        return Optional.of(session);
    }

    /** Forgets the lookups of this person's cookies (everyone's for null): their portal session may have ended. */
    void forget(String userId) {
        cache.values().removeIf(entry -> userId == null || entry.session().userId().equals(userId));
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void purge() {
        Instant now = clock.instant();
        int purged = repository.purge(now, now.minus(properties.idleTimeout()));
        if (purged > 0) {
            log.debug("Removed {} expired notebook session(s)", purged);
        }
    }
}
