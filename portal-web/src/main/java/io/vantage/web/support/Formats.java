package io.vantage.web.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Small formatting helpers for templates ({@code @formats}). */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public String memory(int mib) {
        return mib % 1024 == 0 ? (mib / 1024) + " GiB" : mib + " MiB";
    }

    /** "in 3 days", "in 5 hours", "2 minutes ago". */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration d = Duration.between(Instant.now(), instant);
        boolean future = !d.isNegative();
        d = d.abs();
        String amount = d.toDays() >= 2 ? d.toDays() + " days" : d.toHours() >= 2 ? d.toHours() + " hours"
                : d.toMinutes() >= 2 ? d.toMinutes() + " minutes" : "a moment";
        return future ? "in " + amount : amount + " ago";
    }

    /** How old something is, to the second when it is recent: "12 s ago", "4 min ago", "3 h ago". */
    public String age(Instant instant) {
        if (instant == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(instant, Instant.now()).toSeconds());
        return seconds < 120 ? seconds + " s ago" : seconds < 7200 ? seconds / 60 + " min ago"
                : seconds / 3600 + " h ago";
    }

    public String stateClass(String state) {
        return switch (state) {
            case "ACTIVE" -> "text-bg-success";
            case "PARTIALLY_ACTIVE", "UNKNOWN" -> "text-bg-warning";
            case "ERROR" -> "text-bg-danger";
            case "STOPPED", "DELETED" -> "text-bg-secondary";
            default -> "text-bg-info";
        };
    }

    public boolean isBusy(String state) {
        return switch (state) {
            case "BUILDING", "STARTING", "STOPPING", "REBOOTING", "DELETING" -> true;
            default -> false;
        };
    }
}
