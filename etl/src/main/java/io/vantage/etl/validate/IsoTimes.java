package io.vantage.etl.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO 8601 date-times as user offices write them: with an offset as given; without one in the configured zone; a
 * plain date is the start of that day. The common shapes are read by hand (java.time's parsers cost microseconds a
 * value, which a million rows notice); anything else goes through java.time, which also has the last word on
 * what is valid (month 13, 30 February).
 */
final class IsoTimes {

    private IsoTimes() {
    }

    /** The time, or null when {@code value} is not one. */
    static OffsetDateTime parse(String value, ZoneId zone) {
        try {
            OffsetDateTime fast = fast(value, zone);
            if (fast != null) {
                return fast;
            }
        } catch (DateTimeException invalid) {
            return null;
        }
        return slow(value, zone);
    }

    /** An ISO date (2024-05-31), or null. */
    static LocalDate date(String v) {
        try {
            if (v.length() == 10 && digits(v, 0, 4) && v.charAt(4) == '-' && digits(v, 5, 7) && v.charAt(7) == '-'
                    && digits(v, 8, 10)) {
                return LocalDate.of(number(v, 0, 4), number(v, 5, 7), number(v, 8, 10));
            }
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** yyyy-MM-dd, or yyyy-MM-dd[T ]HH:mm[:ss] with Z, ±hh:mm or nothing; null for any other shape. */
    private static OffsetDateTime fast(String v, ZoneId zone) {
        int n = v.length();
        if (n < 10 || !digits(v, 0, 4) || v.charAt(4) != '-' || !digits(v, 5, 7) || v.charAt(7) != '-'
                || !digits(v, 8, 10)) {
            return null;
        }
        LocalDate date = LocalDate.of(number(v, 0, 4), number(v, 5, 7), number(v, 8, 10));
        if (n == 10) {
            return date.atStartOfDay(zone).toOffsetDateTime();
        }
        char t = v.charAt(10);
        if ((t != 'T' && t != ' ') || n < 16 || !digits(v, 11, 13) || v.charAt(13) != ':' || !digits(v, 14, 16)) {
            return null;
        }
        int i = 16;
        int second = 0;
        if (n >= 19 && v.charAt(16) == ':' && digits(v, 17, 19)) {
            second = number(v, 17, 19);
            i = 19;
        }
        LocalDateTime local = date.atTime(number(v, 11, 13), number(v, 14, 16), second);
        if (i == n) {
            return local.atZone(zone).toOffsetDateTime();
        }
        if (i == n - 1 && v.charAt(i) == 'Z') {
            return local.atOffset(ZoneOffset.UTC);
        }
        char sign = v.charAt(i);
        if (i == n - 6 && (sign == '+' || sign == '-') && digits(v, i + 1, i + 3) && v.charAt(i + 3) == ':'
                && digits(v, i + 4, i + 6)) {
            int minutes = number(v, i + 1, i + 3) * 60 + number(v, i + 4, i + 6);
            return local.atOffset(ZoneOffset.ofTotalSeconds((sign == '-' ? -60 : 60) * minutes));
        }
        return null;
    }

    private static OffsetDateTime slow(String value, ZoneId zone) {
        String text = value.length() > 10 && value.charAt(10) == ' ' ? value.replaceFirst(" ", "T") : value;
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException ignored) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            // try a plain date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }
}
