package io.vantage.domain.instance;

/** What a member may do with an instance. */
public enum MemberRole {
    /** Launched it: everything, including sharing and deleting. */
    OWNER,
    /** Full control of the desktop and the lifecycle, but not sharing. */
    USER,
    /** Watches: sees the desktop, input is dropped (the rule is the portal's AccessPolicy.watchesOnly). */
    GUEST,
    /** Support staff the owner let in to help. */
    SUPPORT;

    public boolean mayManageMembers() {
        return this == OWNER;
    }
}
