package io.vantage.api.security;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.user.UserRepository;

/**
 * A person with the roles they hold now, read from the database, for decisions taken without a request of theirs:
 * a ticket being redeemed, an open connection re-checked after an access change. Expired grants are left out.
 * Without a login at hand, the roles of the person's latest login or API token (as recorded) stand for the login's
 * roles; requests use their own login's ({@link EffectiveRoles}).
 */
@Component
public class RolesNow {

    private final UserRepository users;
    private final Clock clock;

    RolesNow(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The person as they are now; unknown people hold no roles. */
    @Transactional(readOnly = true)
    public CurrentUser of(String userId) {
        Set<String> roles = users.findWithRoles(userId).map(user -> user.activeRoleNames(clock.instant()))
                .orElse(Set.of());
        return new CurrentUser(userId, roles);
    }
}
