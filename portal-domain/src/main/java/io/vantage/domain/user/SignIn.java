package io.vantage.domain.user;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a verified identity into a portal user: links to the user the ETL imported (by id, then by verified
 * e-mail), or creates one; refreshes names, e-mail, last-seen and the roles the token carries. One transaction:
 * a failure leaves no half-created user behind.
 */
@Service
public class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final UserRepository users;
    private final RoleRepository roles;
    private final Clock clock;

    public SignIn(UserRepository users, RoleRepository roles, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.clock = clock;
    }

    /** Signs in at login: may create and update. Returns the user id and the roles held now. */
    @Transactional
    public SignedInUser signIn(Identity identity) {
        Instant now = clock.instant();
        User user = find(identity).orElseGet(() -> create(identity));
        user.updateIdentity(identity.firstName(), identity.lastName(), identity.email(), now);
        user.seen(now);
        syncProviderRoles(user, identity.roles(), now);
        users.save(user);
        Set<String> held = new HashSet<>(user.activeRoleNames(now));
        held.addAll(identity.roles());
        return new SignedInUser(user.getId(), held);
    }

    /**
     * Resolves the user behind an API token without writing, unless the user is unknown (first API use before any
     * browser login), in which case it signs in.
     */
    @Transactional
    public SignedInUser resolve(Identity identity) {
        Optional<User> user = find(identity);
        if (user.isEmpty()) {
            return signIn(identity);
        }
        Set<String> held = new HashSet<>(user.get().activeRoleNames(clock.instant()));
        held.addAll(identity.roles());
        return new SignedInUser(user.get().getId(), held);
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

    private void syncProviderRoles(User user, Set<String> tokenRoles, Instant now) {
        for (UserRole held : user.getRoles()) {
            if (held.getSource() == RoleSource.IDENTITY_PROVIDER && !tokenRoles.contains(held.getRole().getName())) {
                user.revoke(held.getRole().getName());
            }
        }
        // A role with any row already (a portal grant, even an expired one) is left as the admin set it.
        Set<String> anyRow = new HashSet<>();
        user.getRoles().forEach(held -> anyRow.add(held.getRole().getName()));
        List<Role> toGrant = roles.findByNameIn(tokenRoles).stream()
                .filter(role -> !anyRow.contains(role.getName())).toList();
        toGrant.forEach(role -> user.grant(role, RoleSource.IDENTITY_PROVIDER, null, now, null));
    }

    public record SignedInUser(String id, Set<String> roles) {
        public SignedInUser {
            roles = Set.copyOf(roles);
        }
    }
}
