package io.vantage.domain.instance;

/** Why an instance was deleted, as the people who used it are told. */
public enum DeletionCause {
    /** Its lifetime ended. */
    LIFETIME,
    /** Nobody used it for too long. */
    INACTIVITY,
    /** A member (usually the owner) deleted it. */
    MEMBER,
    /** An administrator who is not a member deleted it. */
    ADMIN,
    /** It had failed in the cloud (error or lost machine) and was deleted. */
    CLOUD_FAILURE;

    /**
     * A person asked. An instance that had failed goes because of the failure, whoever clears it away; otherwise
     * it matters whether a member or an administrator decided.
     */
    static DeletionCause askedBy(InstanceState state, boolean member) {
        if (state == InstanceState.ERROR || state == InstanceState.UNKNOWN) {
            return CLOUD_FAILURE;
        }
        return member ? MEMBER : ADMIN;
    }
}
