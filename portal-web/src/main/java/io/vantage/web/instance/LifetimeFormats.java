package io.vantage.web.instance;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.vantage.api.expiry.LifetimeView;

/**
 * Wording of deadlines for templates ({@code @lifetimeFormats}), the same as {@code expiry-banner.js} keeps counting down:
 * seconds under two minutes, never "in a moment". Times are measured from the portal's clock ({@code now} of the
 * view), not the server's wall clock.
 */
@Component("lifetimeFormats")
public class LifetimeFormats {

    /** How long a decision on an extension stays shown on the page. */
    static final Duration DECISION_SHOWN = Duration.ofHours(24);

    public String countdown(Instant at, Instant now) {
        if (at == null || now == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(now, at).toSeconds());
        if (seconds == 0) {
            return "now";
        }
        if (seconds < 120) {
            return seconds < 60 ? "in " + seconds + " s" : "in 1 min " + (seconds - 60) + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return "in " + minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return "in " + hours + " h " + (minutes % 60) + " min";
        }
        return "in " + (hours / 24) + " days " + (hours % 24) + " h";
    }

    /** A date input's value (the request form's day; the request asks for the end of that day, UTC). */
    public String dateInput(Instant at) {
        return at == null ? "" : at.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }

    /** A decision made recently enough to still tell people about it. */
    public boolean recent(LifetimeView.Request decided, Instant now) {
        return decided != null && decided.handledAt() != null && decided.handledAt().plus(DECISION_SHOWN).isAfter(now);
    }
}
