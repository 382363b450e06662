package io.vantage.api.cloud;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clouds the portal launches on. Providers listed here are copied into the database at startup (by name); admins
 * can add more at runtime. Unknown keys under {@code vantage.cloud} stop the start-up with their names, so a typo
 * (or a list where a map by name belongs) cannot silently configure nothing.
 *
 * @param deploymentId tags every machine this portal creates; empty = generated once and kept in the database, so
 *                     two portals sharing a cloud project never clean up each other's machines
 * @param callTimeout  the longest one call to a cloud may take
 * @param snapshotInterval how often each cloud's health and limits are asked in the background (pages, the health
 *                     endpoint and launches read the last answers; none of them waits on a cloud)
 * @param providers    clouds by name: {@code vantage.cloud.providers.<name>.type} and {@code .settings.*}
 */
@ConfigurationProperties(prefix = "vantage.cloud", ignoreUnknownFields = false)
public record CloudProperties(String deploymentId,
                              @DefaultValue("30s") Duration callTimeout,
                              @DefaultValue("30s") Duration snapshotInterval,
                              @DefaultValue Map<String, Provider> providers) {

    /**
     * @param type     the name of an installed provider type ({@code openstack}, {@code kubernetes}, {@code local},
     *                 or a plugin's own)
     * @param settings the type's settings, kebab-case keys as the type declares them; they are bound and checked
     *                 against that declaration by {@link ProviderRegistry}, not here
     */
    public record Provider(String type, @DefaultValue("true") boolean enabled, Map<String, Object> settings) {
    }
}
