package io.vantage.domain.instance;

/** What a member may do with an instance. */
public enum MemberRole {
    /** Launched it: everything, including sharing and deleting. */
    OWNER,
    /** Full control of the desktop and the lifecycle, but not sharing. */
    USER,
    /** Watches: sees the desktop, input is dropped. */
    GUEST,
    /** Support staff the owner let in to help. */
    SUPPORT;

    public boolean mayControl() {
        return this != GUEST;
    }

    /** Watchers only: their keyboard, mouse and notebook edits are dropped. */
    public boolean readOnly() {
        return this == GUEST;
    }

    public boolean mayManageMembers() {
        return this == OWNER;
    }
}
