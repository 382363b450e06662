package io.vantage.api.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.admin.AdminAudit;
import io.vantage.api.admin.PageView;
import io.vantage.api.admin.Paging;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.launch.UserPolicies;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.PortalSessions;
import io.vantage.api.security.RoleChanges;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.RoleSource;
import io.vantage.domain.user.SystemRole;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;
import io.vantage.domain.user.UserRole;

/**
 * Finds people and manages what admins may change about them: portal role grants and the per-user instance quota.
 * Roles from the user office or the login token are only shown: the ETL and the next login would undo a change.
 */
@Service
public class UserAdmin {

    private final UserRepository users;
    private final RoleRepository roles;
    private final InstanceRepository instances;
    private final UserPolicies policies;
    private final AdminAudit audit;
    private final RoleChanges roleChanges;
    private final PortalSessions sessions;
    private final Clock clock;

    UserAdmin(UserRepository users, RoleRepository roles, InstanceRepository instances, UserPolicies policies,
              AdminAudit audit, RoleChanges roleChanges, PortalSessions sessions, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.instances = instances;
        this.policies = policies;
        this.audit = audit;
        this.roleChanges = roleChanges;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** How many browser sessions an admin ended. */
    public record SessionsEnded(int ended) {
    }

    public record GrantRequest(@NotBlank String role, @Future Instant expiresAt) {
    }

    /** {@code null} removes the per-user quota: the user's roles decide again. */
    public record QuotaRequest(@PositiveOrZero Integer instanceQuota) {
    }

    @Transactional(readOnly = true)
    public PageView<UserViews.Summary> search(String query, int page, int size) {
        Page<User> found = query == null || query.isBlank()
                ? users.findAll(Paging.of(page, size, Sort.by("lastName", "firstName", "id")))
                : users.search(query.strip(), Paging.of(page, size));
        Instant now = clock.instant();
        return PageView.of(found, user -> UserViews.summary(user, now));
    }

    @Transactional(readOnly = true)
    public UserViews.Detail get(String id) {
        return detail(find(id));
    }

    @Transactional
    public UserViews.Detail grant(CurrentUser actor, String id, GrantRequest request) {
        User user = find(id);
        Role role = roles.findByName(request.role()).orElseThrow(() -> new FieldException("role", "no role '"
                + request.role() + "'; see GET /api/admin/roles"));
        Optional<UserRole> held = grantOf(user, role.getName());
        if (held.isPresent() && held.get().getSource() != RoleSource.PORTAL) {
            throw audit.refused(actor, "admin.user.role.grant", "user", id, managedElsewhere(user, held.get()));
        }
        user.grant(role, RoleSource.PORTAL, actor.id(), clock.instant(), request.expiresAt());
        roleChanges.changed(id, "An admin granted you the role " + role.getName() + ".");
        audit.success(actor, "admin.user.role.grant", "user", id, role.getName()
                + (request.expiresAt() == null ? "" : " until " + request.expiresAt()));
        return detail(user);
    }

    @Transactional
    public UserViews.Detail revoke(CurrentUser actor, String id, String roleName) {
        User user = find(id);
        UserRole held = grantOf(user, roleName).orElseThrow(() -> new NotFoundException("role of user " + id, roleName));
        if (held.getSource() != RoleSource.PORTAL) {
            throw audit.refused(actor, "admin.user.role.revoke", "user", id, managedElsewhere(user, held));
        }
        if (actor.id().equals(id) && SystemRole.ADMIN.name().equals(roleName)) {
            throw audit.refused(actor, "admin.user.role.revoke", "user", id, new ConflictException(HttpStatus.CONFLICT,
                    "Own admin role", "You cannot take the ADMIN role from yourself; ask another admin.",
                    Map.of("role", roleName)));
        }
        user.revoke(roleName);
        roleChanges.changed(id, "An admin took the role " + roleName + " from you.");
        audit.success(actor, "admin.user.role.revoke", "user", id, roleName);
        return detail(user);
    }

    @Transactional
    public UserViews.Detail setQuota(CurrentUser actor, String id, QuotaRequest request) {
        User user = find(id);
        user.setInstanceQuota(request.instanceQuota());
        audit.success(actor, "admin.user.quota", "user", id, request.instanceQuota() == null
                ? "per-user instance quota removed" : "instance quota " + request.instanceQuota());
        return detail(user);
    }

    /**
     * Ends every browser session of the person on every replica: their next request goes to the login, their event
     * streams end, and every replica re-checks their open connections. API tokens stay valid until they expire
     * (the provider issued them).
     */
    @Transactional
    public SessionsEnded endSessions(CurrentUser actor, String id) {
        find(id);
        int ended = sessions.endAll(id, "An admin ended your sessions.");
        audit.success(actor, "admin.user.sessions.end", "user", id, ended + " session(s) ended");
        return new SessionsEnded(ended);
    }

    private UserViews.Detail detail(User user) {
        Instant now = clock.instant();
        return UserViews.detail(user, policies.forUser(user, user.activeRoleNames(now)),
                instances.findOwnedBy(user.getId()).size(), now);
    }

    private static Optional<UserRole> grantOf(User user, String roleName) {
        return user.getRoles().stream().filter(r -> r.getRole().getName().equals(roleName)).findFirst();
    }

    private static ConflictException managedElsewhere(User user, UserRole held) {
        String where = held.getSource() == RoleSource.USER_OFFICE
                ? "the user office (the nightly import would restore it)"
                : "the identity provider's login token (the next login would restore it)";
        return new ConflictException(HttpStatus.CONFLICT, "Role managed elsewhere", user.getFullName() + " holds "
                + held.getRole().getName() + " from " + where + "; change it there.",
                Map.of("role", held.getRole().getName(), "source", held.getSource().name()));
    }

    private User find(String id) {
        return users.findWithRoles(id).orElseThrow(() -> new NotFoundException("user", id));
    }
}
