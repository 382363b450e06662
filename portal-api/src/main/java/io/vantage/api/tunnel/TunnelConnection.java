package io.vantage.api.tunnel;

import io.vantage.domain.instance.MemberRole;

/** One open desktop or notebook connection on this replica, as the session registry sees it. */
public interface TunnelConnection {

    /** The ticket the connection was opened with: whose it is, for which instance, in which role at redemption. */
    TicketGrant grant();

    Long sessionMemberId();

    default Long instanceId() {
        return grant().instanceId();
    }

    default String userId() {
        return grant().userId();
    }

    /** Whether this is the owner's connection (the owner leaving affects the others). */
    default boolean owner() {
        return grant().role() == MemberRole.OWNER;
    }

    /** Drops the member's input from now on ({@code true}), or passes it on again ({@code false}). */
    void readOnly(boolean readOnly);

    /** Ends the connection with a reason the client may show. */
    void close(String reason);
}
