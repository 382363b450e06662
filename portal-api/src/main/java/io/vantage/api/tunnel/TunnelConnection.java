package io.vantage.api.tunnel;

/** One open desktop or notebook connection on this replica, as the session registry sees it. */
public interface TunnelConnection {

    Long sessionMemberId();

    Long instanceId();

    String userId();

    /** Whether this is the owner's connection (the owner leaving affects the others). */
    boolean owner();

    /** Drops the member's input from now on. */
    void makeReadOnly();

    /** Ends the connection with a reason the client may show. */
    void close(String reason);
}
