package io.vantage.domain.user;

import java.time.Instant;

/**
 * A role granted in the portal or by the user office, as requests need it: its name and when it runs out (null:
 * until revoked). Roles carried by the login token are not grants: they come with each login or token.
 */
public record RoleGrant(String role, Instant expiresAt) {

    public boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
