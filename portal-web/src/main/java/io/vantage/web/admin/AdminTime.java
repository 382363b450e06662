package io.vantage.web.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Date-time inputs carry no zone: they are read and filled in the portal's zone, the one {@code @formats} shows
 * dates in, so what an admin types is what the pages show back.
 */
public final class AdminTime {

    private AdminTime() {
    }

    public static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    public static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone()).truncatedTo(ChronoUnit.MINUTES);
    }
}
