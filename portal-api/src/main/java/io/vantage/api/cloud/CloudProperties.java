package io.vantage.api.cloud;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clouds the portal launches on. Providers listed here are copied into the database at startup (by name); admins
 * can add more at runtime.
 *
 * @param deploymentId tags every machine this portal creates; empty = generated once and kept in the database, so
 *                     two portals sharing a cloud project never clean up each other's machines
 * @param callTimeout  the longest one call to a cloud may take
 */
@ConfigurationProperties("vantage.cloud")
public record CloudProperties(String deploymentId,
                              @DefaultValue("30s") Duration callTimeout,
                              @DefaultValue Map<String, Provider> providers) {

    /**
     * Settings live under {@code vantage.cloud.providers.<name>.settings.*} and are bound straight onto the
     * provider's settings record (kebab-case keys), so they are not listed here.
     *
     * @param type the provider type: {@code openstack}, {@code kubernetes} or {@code local}
     */
    public record Provider(String type, @DefaultValue("true") boolean enabled) {
    }
}
