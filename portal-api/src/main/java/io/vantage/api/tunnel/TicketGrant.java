package io.vantage.api.tunnel;

import io.vantage.api.security.AccessPolicy;
import io.vantage.domain.instance.MemberRole;

/**
 * What a redeemed ticket allows: this user, on this instance, over this protocol, with this role; for as long as
 * the browser session that asked for it lasts ({@code portalSessionId}, null when an API token asked).
 */
public record TicketGrant(String userId, Long instanceId, String instanceUid, String protocol, MemberRole role,
                          String portalSessionId) {

    public TicketGrant(String userId, Long instanceId, String instanceUid, String protocol, MemberRole role) {
        this(userId, instanceId, instanceUid, protocol, role, null);
    }

    /** As {@link AccessPolicy} says of the role the ticket was redeemed with. */
    public boolean readOnly() {
        return AccessPolicy.watchesOnly(role);
    }
}
