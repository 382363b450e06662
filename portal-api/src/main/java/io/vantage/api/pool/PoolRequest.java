package io.vantage.api.pool;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A plan's pool as an admin sets it.
 *
 * @param days           days of the week it is kept full (MON, TUE, ...); empty or absent: every day
 * @param from           the daily window's start, {@code HH:mm}; with {@code until}, or both absent for all day
 * @param maxIdleMinutes how long a machine may wait for a launch before it is replaced; absent: the default
 */
public record PoolRequest(
        @NotNull(message = "say how many machines to keep ready (0 for none)")
        @Min(value = 0, message = "at least 0") @Max(value = 50, message = "at most 50") Integer size,
        @Size(max = 7, message = "at most the 7 days of the week") List<String> days,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "a time of day as HH:mm") String from,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "a time of day as HH:mm") String until,
        @Min(value = 5, message = "at least 5 minutes") @Max(value = 43200, message = "at most 30 days")
        Integer maxIdleMinutes) {
}
