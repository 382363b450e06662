package io.vantage.api.expiry;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An instance's lifetime as one person sees it on its page and card: when and why it would be deleted, from when
 * they are warned, what they may do about it, and, once it is deleted, why.
 *
 * @param now            the portal's clock, so a browser counts down from the portal's time, not its own
 * @param reason         {@code LIFETIME} or {@code INACTIVITY}; null once it is being deleted
 * @param warnFrom       when the warning window opens (the banner shows from then on)
 * @param extension      what an extension means for this person: {@code AUTO} (one click), {@code APPROVAL} (an
 *                       admin decides), {@code NEVER} (the image allows none), {@code NONE} (they may not control it)
 * @param stillHere      whether this person may reset the inactivity clock
 * @param suggestedUntil the date a one-click extension or a one-step request asks for
 * @param pending        the request waiting for an admin, if any
 * @param decided        the latest decided request (by an admin, or at once by the image's policy), if any
 * @param ended          why it is being (or was) deleted; null while it lives
 */
public record LifetimeView(String uid, String state, Instant now, Instant terminationDate, String reason,
                           Instant deletionAt, Instant warnFrom, String extension, boolean stillHere,
                           Instant suggestedUntil, Request pending, Request decided, Ended ended) {

    /** Whether the warning window is open now. */
    @JsonProperty("warning")
    public boolean warning() {
        return ended == null && warnFrom != null && !now.isBefore(warnFrom);
    }

    /** The one action the warning offers: {@code STILL_HERE}, {@code EXTEND}, {@code ASK}, {@code PENDING} or {@code NONE}. */
    @JsonProperty("action")
    public String action() {
        if ("INACTIVITY".equals(reason)) {
            return stillHere ? "STILL_HERE" : "NONE";
        }
        return switch (extension) {
            case "AUTO" -> "EXTEND";
            case "APPROVAL" -> pending != null ? "PENDING" : "ASK";
            default -> "NONE";
        };
    }

    public record Request(Long id, Instant requestedUntil, String comments, String state, String handledBy,
                          Instant handledAt, String handlerComments, Instant createdAt) {
    }

    /**
     * @param cause      {@code LIFETIME}, {@code INACTIVITY}, {@code MEMBER}, {@code ADMIN} or {@code CLOUD_FAILURE};
     *                   null when nobody recorded why (deleted before this was recorded)
     * @param actorName  who deleted it; null for the portal itself
     * @param detail     the cloud's failure, or the reason recorded
     * @param lifetimeEnd the end of its lifetime, {@code idleSince} its last use (for the portal's own deletions)
     */
    public record Ended(boolean deleted, String cause, String actorName, String detail, Instant requestedAt,
                        Instant deletedAt, Instant lifetimeEnd, Instant idleSince) {
    }
}
