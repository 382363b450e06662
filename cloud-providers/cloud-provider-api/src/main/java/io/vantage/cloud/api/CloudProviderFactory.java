package io.vantage.cloud.api;

/**
 * Creates providers of one type from typed settings. Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.vantage.cloud.api.CloudProviderFactory}), so the portal needs no code per provider.
 *
 * @param <S> the provider's settings record; the portal binds configuration or database JSON onto it
 */
public interface CloudProviderFactory<S> {

    /** The type name used in configuration, e.g. {@code openstack}. */
    String type();

    Class<S> settingsType();

    /** What this type is, in a few words for the admin console (e.g. "OpenStack: Nova, Glance, Neutron"). */
    default String description() {
        return type();
    }

    /**
     * The settings this type reads, for the admin console's form, validation and the docs: one per component of the
     * settings record, kebab-case. The portal refuses keys not declared here and declared-required keys left out.
     */
    default java.util.List<SettingDescriptor> settings() {
        return java.util.List.of();
    }

    /**
     * Builds a provider. Must not call the cloud: a cloud that is down at startup must not stop the portal.
     *
     * @throws CloudPermanentException when the settings are invalid, naming the setting
     */
    CloudProvider create(String name, S settings, ProviderContext context);
}
