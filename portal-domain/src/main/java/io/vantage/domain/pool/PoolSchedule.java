package io.vantage.domain.pool;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a pool is kept full: on some days of the week (none named: every day), between two times (none: all day). A
 * window whose end is before its start runs overnight and belongs to the day it starts on (Friday 22:00–06:00 is on
 * until Saturday 06:00). Outside it the pool drains.
 */
public record PoolSchedule(Set<DayOfWeek> days, LocalTime from, LocalTime until) {

    public static final PoolSchedule ALWAYS = new PoolSchedule(Set.of(), null, null);

    public PoolSchedule {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if ((from == null) != (until == null)) {
            throw new IllegalArgumentException("a pool's hours need both a start and an end, or neither");
        }
        if (from != null && from.equals(until)) {
            throw new IllegalArgumentException("a pool's hours must not start and end at the same time; leave "
                    + "both empty for all day");
        }
    }

    public boolean isAlways() {
        return days.isEmpty() && from == null;
    }

    public boolean isOn(ZonedDateTime at) {
        if (from == null) {
            return onDay(at.getDayOfWeek());
        }
        LocalTime time = at.toLocalTime();
        if (from.isBefore(until)) {
            return onDay(at.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(until);
        }
        return (onDay(at.getDayOfWeek()) && !time.isBefore(from))
                || (onDay(at.getDayOfWeek().minus(1)) && time.isBefore(until));
    }

    private boolean onDay(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }

    /** Stored as {@code MON,TUE,...} in week order; empty for every day. */
    String daysColumn() {
        return days.stream().sorted().map(day -> day.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> parseDays(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).map(String::strip).map(PoolSchedule::day)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    /** {@code MON}, {@code monday} or {@code Mon}. */
    public static DayOfWeek day(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().startsWith(upper) && upper.length() == 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + name + "'; use MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    /** As admins read it: "always", "Mon Tue 08:00–18:00", "every day 22:00–06:00". */
    @Override
    public String toString() {
        if (isAlways()) {
            return "always";
        }
        String on = days.isEmpty() ? "every day" : days.stream().sorted()
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(" "));
        return from == null ? on : on + " " + from + "–" + until;
    }
}
