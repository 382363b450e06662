package io.vantage.api.expiry;

import java.time.Instant;
import java.time.ZoneId;

import io.vantage.domain.instance.DeletionCause;
import io.vantage.domain.instance.Instance;

/** Why an instance was deleted, in one sentence a person reads (the e-mail; the page words it the same way). */
final class DeletionReasons {

    private DeletionReasons() {
    }

    static String sentence(DeletionCause cause, String actorName, String detail, Instance instance, ZoneId zone) {
        if (cause == null) {
            return detail == null ? "It was deleted." : detail;
        }
        Instant idleSince = instance.getLastInteractionAt() == null ? instance.getCreatedAt()
                : instance.getLastInteractionAt();
        return switch (cause) {
            case LIFETIME -> "Its lifetime ended on " + MailDates.format(instance.getTerminationDate(), zone) + ".";
            case INACTIVITY -> "Nobody used it since " + MailDates.format(idleSince, zone)
                    + ", longer than instances may stay unused.";
            case MEMBER -> actorName + " deleted it.";
            case ADMIN -> "An administrator, " + actorName + ", deleted it.";
            case CLOUD_FAILURE -> "It had failed in the cloud (" + detail + ")"
                    + (actorName == null ? "" : " and " + actorName + " deleted it") + ".";
        };
    }
}
