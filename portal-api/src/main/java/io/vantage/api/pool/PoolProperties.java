package io.vantage.api.pool;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pre-warmed pools (sizes, schedules and idle ages are set per plan by admins).
 *
 * @param enabled        off: no pool is filled on this portal and launches never take a pool machine
 * @param keepInterval   how often one replica brings every pool to its size (a launch that took a machine, a
 *                       change of a pool or a plan asks at once)
 * @param failureBackoff how long a pool makes no new machine after one of its machines failed
 * @param maxIdle        the maximum idle age offered when an admin sets none
 * @param zone           the time zone of the pools' schedules (office hours); unset: the portal's
 */
@ConfigurationProperties("vantage.pools")
public record PoolProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("15s") Duration keepInterval,
                             @DefaultValue("2m") Duration failureBackoff,
                             @DefaultValue("24h") Duration maxIdle,
                             String zone) {

    public PoolProperties {
        if (zone != null && !zone.isBlank()) {
            try {
                ZoneId.of(zone.strip());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("vantage.pools.zone: unknown time zone '" + zone
                        + "' (use a name such as Europe/Paris)", e);
            }
        }
    }

    public ZoneId zoneOrDefault() {
        return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.strip());
    }
}
