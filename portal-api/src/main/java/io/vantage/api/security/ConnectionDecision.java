package io.vantage.api.security;

import io.vantage.domain.instance.MemberRole;

/**
 * What a desktop or notebook connection may do now: go on with a role (watching only when the role says so), or
 * end, with a reason the person is shown.
 *
 * @param role      the role the connection acts with; null when it must end
 * @param endReason why it must end; null when it may go on
 */
public record ConnectionDecision(MemberRole role, String endReason) {

    static ConnectionDecision allow(MemberRole role) {
        return new ConnectionDecision(role, null);
    }

    static ConnectionDecision end(String reason) {
        return new ConnectionDecision(null, reason);
    }

    public boolean allowed() {
        return role != null;
    }

    /** Allowed, but the person's keyboard, mouse and edits are dropped. */
    public boolean readOnly() {
        return role != null && AccessPolicy.watchesOnly(role);
    }
}
