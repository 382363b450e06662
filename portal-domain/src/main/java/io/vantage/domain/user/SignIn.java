package io.vantage.domain.user;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a verified identity into a portal user: links to the user the ETL imported (by id, then by verified
 * e-mail), or creates one; refreshes names, e-mail, last-seen and the roles the token carries. One transaction:
 * a failure leaves no half-created user behind.
 *
 * <p>The roles a person holds for one login or token are that token's roles plus the grants made in the portal or
 * by the user office. The token's roles are also recorded (source {@code IDENTITY_PROVIDER}) for background jobs
 * that work without a login, such as lifetimes and quotas of instances; they never count for a later login or
 * another token.
 */
@Service
public class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final UserRepository users;
    private final RoleRepository roles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public SignIn(UserRepository users, RoleRepository roles, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.events = events;
        this.clock = clock;
    }

    /** Signs in at login: may create and update. */
    @Transactional
    public SignedInUser signIn(Identity identity) {
        Instant now = clock.instant();
        User user = find(identity).orElseGet(() -> create(identity));
        user.updateIdentity(identity.firstName(), identity.lastName(), identity.email(), now);
        user.seen(now);
        boolean changed = syncProviderRoles(user, identity.roles(), now);
        users.save(user);
        if (changed) {
            events.publishEvent(new ProviderRolesChanged(user.getId()));
        }
        return signedIn(user, identity, now);
    }

    /**
     * Resolves the person behind an API token. Writes only when the person is unknown (first API use before any
     * browser login: signs them in) or when the token's roles differ from those recorded.
     */
    @Transactional
    public SignedInUser resolve(Identity identity) {
        Optional<User> found = find(identity);
        if (found.isEmpty()) {
            return signIn(identity);
        }
        Instant now = clock.instant();
        if (syncProviderRoles(found.get(), identity.roles(), now)) {
            events.publishEvent(new ProviderRolesChanged(found.get().getId()));
        }
        return signedIn(found.get(), identity, now);
    }

    private static SignedInUser signedIn(User user, Identity identity, Instant now) {
        Set<String> held = new HashSet<>(identity.roles());
        user.getRoles().stream().filter(role -> role.getSource() != RoleSource.IDENTITY_PROVIDER && role.isActive(now))
                .forEach(role -> held.add(role.getRole().getName()));
        return new SignedInUser(user.getId(), identity.roles(), held);
    }

    private Optional<User> find(Identity identity) {
        Optional<User> byId = users.findWithRoles(identity.userId());
        if (byId.isPresent()) {
            return byId;
        }
        if (identity.emailVerified() && identity.email() != null && !identity.email().isBlank()) {
            List<User> byEmail = users.findAllByEmailIgnoreCase(identity.email());
            if (byEmail.size() == 1) {
                log.info("Linked login id {} to existing user {} by verified e-mail", identity.userId(),
                        byEmail.get(0).getId());
                return users.findWithRoles(byEmail.get(0).getId());
            }
            if (byEmail.size() > 1) {
                // linking to one of them would hand this login another person's experiments and instances
                log.warn("Login id {}: its verified e-mail belongs to {} people ({}); linked to none of them, the login"
                        + " gets a user of its own", identity.userId(), byEmail.size(),
                        byEmail.stream().map(User::getId).toList());
            }
        }
        return Optional.empty();
    }

    private User create(Identity identity) {
        log.info("Creating user {} at first login", identity.userId());
        return new User(identity.userId(), identity.firstName(), lastNameOf(identity), identity.email());
    }

    private static String lastNameOf(Identity identity) {
        if (identity.lastName() != null && !identity.lastName().isBlank()) {
            return identity.lastName();
        }
        return identity.userId();
    }

    /** Records the token's roles; returns whether the recorded ones changed. */
    private boolean syncProviderRoles(User user, Set<String> tokenRoles, Instant now) {
        boolean changed = false;
        for (UserRole held : user.getRoles()) {
            if (held.getSource() == RoleSource.IDENTITY_PROVIDER && !tokenRoles.contains(held.getRole().getName())) {
                changed |= user.revoke(held.getRole().getName());
            }
        }
        // A role with any row already (a portal grant, even an expired one) is left as the admin set it.
        Set<String> anyRow = new HashSet<>();
        user.getRoles().forEach(held -> anyRow.add(held.getRole().getName()));
        Set<String> missing = new HashSet<>(tokenRoles);
        missing.removeAll(anyRow);
        if (!missing.isEmpty()) {
            List<Role> toGrant = roles.findByNameIn(missing);
            toGrant.forEach(role -> user.grant(role, RoleSource.IDENTITY_PROVIDER, null, now, null));
            changed |= !toGrant.isEmpty();
        }
        return changed;
    }

    /**
     * @param loginRoles the roles the login token or API token carries (mapped onto portal roles)
     * @param roles      what the person holds for this login: its token's roles and their active grants
     */
    public record SignedInUser(String id, Set<String> loginRoles, Set<String> roles) {
        public SignedInUser {
            loginRoles = Set.copyOf(loginRoles);
            roles = Set.copyOf(roles);
        }
    }
}
