package io.vantage.cloud.api;

/** What the cloud says about a machine. Whether its protocols answer is the portal's business, not the cloud's. */
public enum CloudState {
    BUILDING,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    REBOOTING,
    DELETING,
    DELETED,
    ERROR,
    UNKNOWN;

    public boolean isStable() {
        return this == RUNNING || this == STOPPED || this == DELETED || this == ERROR;
    }
}
