package io.vantage.web.admin;

import org.springframework.stereotype.Component;

/** Formatting for admin templates ({@code @adminFormats}); the scientist pages' helpers are in {@code @formats}. */
@Component("adminFormats")
public class AdminFormats {

    /** The zone date-time inputs are read in, named next to them. */
    public String zone() {
        return AdminTime.zone().getId();
    }

    /** "30 d", "8 h", "1 d 12 h", "45 min": lifetimes are set in minutes but thought of in days and hours. */
    public String minutes(long minutes) {
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long rest = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(" d");
        }
        if (hours > 0) {
            text.append(text.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (rest > 0 || text.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(rest).append(" min");
        }
        return text.toString();
    }

    public String levelClass(String level) {
        return switch (level) {
            case "CRITICAL", "FAILED", "FAILURE", "DENIED", "REFUSED" -> "text-bg-danger";
            case "WARNING", "ABORTED", "PENDING" -> "text-bg-warning";
            case "SUCCEEDED", "SUCCESS", "ACCEPTED" -> "text-bg-success";
            case "RUNNING" -> "text-bg-info";
            default -> "text-bg-secondary";
        };
    }
}
