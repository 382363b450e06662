package io.vantage.api.tunnel.jupyter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.security.AccessChange;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.ConnectionDecision;
import io.vantage.api.security.NotebookProperties;
import io.vantage.api.security.RolesNow;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.MemberRole;

/**
 * Decides, through {@link AccessPolicy} with the person's current roles and membership, who may use a notebook
 * and how. Notebooks send many small requests, so decisions are reused until an {@link AccessChange} concerning
 * them arrives (from any replica), or for the access-cache period at most (the safety net should a notification
 * be missed). Denials remember the reason the change gave, so the notebook page can say why.
 */
@Component
class NotebookAccess {

    static final Duration TARGET_TTL = Duration.ofSeconds(30);
    static final Duration NOT_FOUND_TTL = Duration.ofSeconds(2);

    /** What a person may do with one notebook now. */
    record Grant(String userId, Long instanceId, String uid, MemberRole role) {
        boolean readOnly() {
            return AccessPolicy.watchesOnly(role);
        }
    }

    private record Key(String userId, String uid) {
    }

    /** {@code endReason}: why there is no grant, as {@link AccessPolicy} says (the instance stopped...). */
    private record Cached(Long instanceId, Optional<Grant> grant, String endReason, Instant until) {
    }

    /** {@code cloudSilent}: why the cloud could not say where the notebook is, when it could not. */
    private record Located(Optional<TunnelTargets.Target> target, String cloudSilent, Instant until) {
    }

    private final InstanceRepository instances;
    private final RolesNow roles;
    private final AccessPolicy policy;
    private final TunnelTargets targets;
    private final TransactionTemplate tx;
    private final NotebookProperties properties;
    private final Clock clock;
    private final Map<Key, Cached> decisions = new ConcurrentHashMap<>();
    private final Map<Long, Located> located = new ConcurrentHashMap<>();
    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    NotebookAccess(InstanceRepository instances, RolesNow roles, AccessPolicy policy,
                   TunnelTargets targets, TransactionTemplate tx, NotebookProperties properties, Clock clock) {
        this.instances = instances;
        this.roles = roles;
        this.policy = policy;
        this.targets = targets;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Empty when the person may not use the notebook (now), or it is not running. */
    Optional<Grant> grant(String userId, String uid) {
        Cached cached = decisions.get(new Key(userId, uid));
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.grant();
        }
        return check(userId, uid);
    }

    /** Decides afresh from the database, with the person's roles as they are now, and remembers the decision. */
    Optional<Grant> check(String userId, String uid) {
        Cached decided = tx.execute(status -> instances.findByUid(uid).map(instance -> {
            ConnectionDecision decision = policy.connection(roles.of(userId), instance);
            Optional<Grant> grant = decision.allowed()
                    ? Optional.of(new Grant(userId, instance.getId(), uid, decision.role())) : Optional.empty();
            return new Cached(instance.getId(), grant, decision.endReason(), null);
        }).orElse(new Cached(null, Optional.empty(), null, null)));
        Instant now = clock.instant();
        decisions.put(new Key(userId, uid), new Cached(decided.instanceId(), decided.grant(), decided.endReason(),
                now.plus(properties.accessCache())));
        if (decided.grant().isPresent()) {
            reasons.remove(userId + "/" + decided.instanceId());
            reasons.remove(userId + "/*");
        }
        if (decisions.size() > 10_000) {
            decisions.values().removeIf(entry -> entry.until().isBefore(now));
        }
        return decided.grant();
    }

    /**
     * Where the notebook is; remembered briefly, as asking the cloud for every request would be slow. A cloud that
     * did not answer is remembered as briefly as a missing notebook, so the requests that follow fail at once.
     *
     * @throws TunnelTargets.CloudNotAnswering when the cloud did not say where the notebook is
     */
    Optional<TunnelTargets.Target> target(Long instanceId) {
        Instant now = clock.instant();
        Located cached = located.get(instanceId);
        if (cached != null && cached.until().isAfter(now)) {
            if (cached.cloudSilent() != null) {
                throw new TunnelTargets.CloudNotAnswering(cached.cloudSilent());
            }
            return cached.target();
        }
        Optional<TunnelTargets.Target> target;
        try {
            target = targets.resolve(instanceId, ProtocolKind.JUPYTER);
        } catch (TunnelTargets.CloudNotAnswering e) {
            located.put(instanceId, new Located(Optional.empty(), e.getMessage(), now.plus(NOT_FOUND_TTL)));
            throw e;
        }
        located.put(instanceId, new Located(target, null, now.plus(target.isPresent() ? TARGET_TTL : NOT_FOUND_TTL)));
        return target;
    }

    /** Drops every decision the change may have made wrong, and keeps its reason for the pages that follow. */
    void forget(AccessChange change) {
        String who = change.userId() == null ? "*" : change.userId();
        String where = change.instanceId() == null ? "*" : change.instanceId().toString();
        if (change.reason() != null && !change.reason().isBlank()) {
            if (reasons.size() > 10_000) {
                reasons.clear();
            }
            reasons.put(who + "/" + where, change.reason());
        }
        decisions.entrySet().removeIf(entry -> {
            String userId = entry.getKey().userId();
            Long instanceId = entry.getValue().instanceId();
            return instanceId == null ? change.userId() == null || change.userId().equals(userId)
                    : change.concerns(userId, instanceId);
        });
        if (change.instanceId() != null && change.userId() == null) {
            located.remove(change.instanceId());
        }
    }

    /** Why this person has no access to this instance: what the access change said, else what the policy says. */
    Optional<String> reason(String userId, Long instanceId) {
        return Optional.ofNullable(reasons.get(userId + "/" + instanceId))
                .or(() -> Optional.ofNullable(reasons.get("*/" + instanceId)))
                .or(() -> Optional.ofNullable(reasons.get(userId + "/*")))
                .or(() -> decisions.entrySet().stream()
                        .filter(entry -> entry.getKey().userId().equals(userId)
                                && instanceId.equals(entry.getValue().instanceId()))
                        .map(entry -> entry.getValue().endReason()).filter(java.util.Objects::nonNull).findFirst());
    }
}
