package io.vantage.api.security;

/**
 * Who may do what on an instance changed: every replica re-checks the open connections, notebook sessions and
 * cached decisions it concerns, at once. Server-to-server only (browsers never see these); the browser side of
 * the same change travels as a live event (io.vantage.api.events).
 *
 * @param userId     the person whose access changed, or null for everyone on the instance
 * @param instanceId the instance, or null for all instances of the person (a role granted, revoked or expired)
 * @param reason     why, in words a person may be shown ("The owner removed you from this instance")
 */
public record AccessChange(String userId, Long instanceId, String reason) {

    public static AccessChange member(Long instanceId, String userId, String reason) {
        return new AccessChange(userId, instanceId, reason);
    }

    public static AccessChange instance(Long instanceId, String reason) {
        return new AccessChange(null, instanceId, reason);
    }

    public static AccessChange person(String userId, String reason) {
        return new AccessChange(userId, null, reason);
    }

    /** Whether a decision about this person and instance may have changed. */
    public boolean concerns(String user, Long instance) {
        return (userId == null || userId.equals(user)) && (instanceId == null || instanceId.equals(instance));
    }
}
