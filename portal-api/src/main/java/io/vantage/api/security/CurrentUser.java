package io.vantage.api.security;

import java.util.Set;

import io.vantage.domain.user.SystemRole;

/** The person behind the current request, with the roles they hold now. */
public record CurrentUser(String id, Set<String> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(SystemRole role) {
        return roles.contains(role.name());
    }

    public boolean isAdmin() {
        return has(SystemRole.ADMIN);
    }

    public boolean isStaff() {
        return has(SystemRole.STAFF) || isAdmin();
    }
}
