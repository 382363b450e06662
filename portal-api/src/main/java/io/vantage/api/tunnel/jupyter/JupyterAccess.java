package io.vantage.api.tunnel.jupyter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.MemberRole;

/**
 * Decides who may use an instance's notebook and where it is. Notebooks issue many small requests, so decisions and
 * endpoints are cached for a few seconds: a removed member loses access within {@link #TTL}.
 */
@Component
class JupyterAccess {

    static final Duration TTL = Duration.ofSeconds(10);

    /** What a person may do with one notebook, and where it is. */
    record Grant(Long instanceId, String uid, MemberRole role, TunnelTargets.Target target) {
        boolean readOnly() {
            return role.readOnly();
        }
    }

    private record Cached(Optional<Grant> grant, Instant until) {
    }

    private final InstanceRepository instances;
    private final AccessPolicy access;
    private final TunnelTargets targets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    JupyterAccess(InstanceRepository instances, AccessPolicy access, TunnelTargets targets, TransactionTemplate tx,
                  Clock clock) {
        this.instances = instances;
        this.access = access;
        this.targets = targets;
        this.tx = tx;
        this.clock = clock;
    }

    /** Empty when the person may not use the notebook, or it cannot be reached. */
    Optional<Grant> grant(CurrentUser user, String uid) {
        String key = user.id() + "/" + uid;
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.grant();
        }
        Optional<Grant> grant = load(user, uid);
        cache.put(key, new Cached(grant, now.plus(TTL)));
        if (cache.size() > 10_000) {
            cache.entrySet().removeIf(entry -> entry.getValue().until().isBefore(now));
        }
        return grant;
    }

    private Optional<Grant> load(CurrentUser user, String uid) {
        record Found(Long id, MemberRole role) {
        }
        Found found = tx.execute(status -> instances.findByUid(uid)
                .filter(instance -> instance.getState().isRunning() && access.canConnect(user, instance))
                .flatMap(instance -> access.connectionRole(user, instance).map(role -> new Found(instance.getId(), role)))
                .orElse(null));
        if (found == null) {
            return Optional.empty();
        }
        return targets.resolve(found.id(), ProtocolKind.JUPYTER)
                .map(target -> new Grant(found.id(), uid, found.role(), target));
    }
}
