package io.vantage.domain.cloud;

public enum ProviderType {
    OPENSTACK,
    KUBERNETES,
    LOCAL;

    /** The type name the provider plugins use. */
    public String pluginType() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
