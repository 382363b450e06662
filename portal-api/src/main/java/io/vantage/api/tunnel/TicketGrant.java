package io.vantage.api.tunnel;

import io.vantage.domain.instance.MemberRole;

/** What a redeemed ticket allows: this user, on this instance, over this protocol, with this role. */
public record TicketGrant(String userId, Long instanceId, String instanceUid, String protocol, MemberRole role) {

    public boolean readOnly() {
        return role.readOnly();
    }
}
