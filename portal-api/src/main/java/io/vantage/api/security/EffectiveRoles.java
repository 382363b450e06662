package io.vantage.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.vantage.domain.user.RoleGrant;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.SystemRole;

/**
 * The roles a person holds now, for one login or token: the roles that login or token carries plus the grants
 * made in the portal or by the user office that have not run out. Evaluated on every request; the grants are
 * remembered for {@code vantage.auth.role-cache} at most, and forgotten at once when an {@link AccessChange}
 * about the person arrives from any replica. Expiry is compared with the clock at each call, so a grant stops at
 * its expiry even while remembered. First among the access-change listeners, so that those re-checking open
 * connections after it never read what it still remembered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EffectiveRoles implements AccessChangeListener {

    private static final int MAX_PEOPLE = 50_000;

    private final RoleRepository roles;
    private final Clock clock;
    private final Cache<String, List<RoleGrant>> grants;

    EffectiveRoles(RoleRepository roles, Clock clock, AuthProperties properties) {
        this.roles = roles;
        this.clock = clock;
        Duration ttl = properties.roleCache();
        this.grants = ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_PEOPLE).build();
    }

    /** What a person holds now with these login (or token) roles. */
    public Set<String> of(String userId, Set<String> loginRoles) {
        Instant now = clock.instant();
        Set<String> held = new HashSet<>(loginRoles);
        for (RoleGrant grant : grants(userId)) {
            if (grant.activeAt(now)) {
                held.add(grant.role());
            }
        }
        return held;
    }

    public CurrentUser currentUser(String userId, Set<String> loginRoles) {
        return new CurrentUser(userId, of(userId, loginRoles));
    }

    public boolean isAdmin(String userId, Set<String> loginRoles) {
        return of(userId, loginRoles).contains(SystemRole.ADMIN.name());
    }

    private List<RoleGrant> grants(String userId) {
        return grants == null ? roles.findGrants(userId) : grants.get(userId, roles::findGrants);
    }

    /** Forgets what this replica remembers of the person (all people for a change without one). */
    void forget(String userId) {
        if (grants == null) {
            return;
        }
        if (userId == null) {
            grants.invalidateAll();
        } else {
            grants.invalidate(userId);
        }
    }

    @Override
    public void accessChanged(AccessChange change) {
        if (change.instanceId() == null) {
            forget(change.userId());
        }
    }
}
