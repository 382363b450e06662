package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderContext;
import java.time.Duration;
import org.openstack4j.core.transport.Config;

/** Creates OpenStack providers ({@code type: openstack}); found by the portal through {@link java.util.ServiceLoader}. */
public final class OpenStackProviderFactory implements CloudProviderFactory<OpenStackSettings> {

    static final String TYPE = "openstack";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<OpenStackSettings> settingsType() {
        return OpenStackSettings.class;
    }

    /** Validates the settings and wires the provider; contacts no cloud, so a cloud that is down cannot stop the portal. */
    @Override
    public CloudProvider create(String name, OpenStackSettings settings, ProviderContext context) {
        SettingsCheck.validate(name, settings);
        // No single read may outlast the portal's call timeout.
        Duration connect = min(settings.connectTimeout(), context.callTimeout());
        Duration read = min(settings.readTimeout(), context.callTimeout());
        Config config = Config.newConfig()
                .withConnectionTimeout(Math.toIntExact(connect.toMillis()))
                .withReadTimeout(Math.toIntExact(read.toMillis()))
                .withEndpointURLResolver(new CatalogueEndpoints());
        Keystone keystone = new Keystone(settings, connect, read);
        OpenStackSession session = new OpenStackSession(keystone, config,
                OpenStackSettings.blankToNull(settings.region()), context.clock());
        String pool = OpenStackSettings.blankToNull(settings.floatingIpPool());
        FloatingIps floatingIps = pool == null ? null : new FloatingIps(session, pool);
        NovaCompute compute = new NovaCompute(session, settings.networkIds(), context.deploymentId(), context.clock(),
                floatingIps);
        OpenStackCatalogue catalogue = new OpenStackCatalogue(session, settings.catalogueTtl(), context.clock());
        // With a floating IP pool the portal sits outside the project's networks: only floating addresses reach it.
        Network network = floatingIps == null ? Network.ADDRESS_AND_PORT : floatingIps;
        return new OpenStackProvider(name, session, compute, catalogue, network);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
