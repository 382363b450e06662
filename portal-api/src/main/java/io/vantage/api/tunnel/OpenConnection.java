package io.vantage.api.tunnel;

import io.vantage.api.security.AccessPolicy;
import io.vantage.domain.instance.MemberRole;

/**
 * An open connection and what its input depends on now: the role it was last decided to have (the ticket's at
 * first), and whether the owner left under the {@code READ_ONLY} policy. Input is dropped when either says so, and
 * accepted again when neither does.
 */
final class OpenConnection {

    private final TunnelConnection connection;
    private MemberRole role;
    private boolean ownerAway;
    private boolean watching;

    OpenConnection(TunnelConnection connection) {
        this.connection = connection;
        this.role = connection.grant().role();
        this.watching = AccessPolicy.watchesOnly(role);
    }

    TunnelConnection connection() {
        return connection;
    }

    synchronized MemberRole role() {
        return role;
    }

    synchronized boolean watching() {
        return watching;
    }

    /** Acts with this role from now on; true when that switched the input on or off. */
    synchronized boolean actAs(MemberRole next) {
        role = next;
        return apply();
    }

    /** The owner left (or came back); true when that switched the input on or off. */
    synchronized boolean ownerAway(boolean away) {
        ownerAway = away;
        return apply();
    }

    private boolean apply() {
        boolean next = AccessPolicy.watchesOnly(role) || ownerAway;
        if (next == watching) {
            return false;
        }
        watching = next;
        connection.readOnly(next);
        return true;
    }
}
