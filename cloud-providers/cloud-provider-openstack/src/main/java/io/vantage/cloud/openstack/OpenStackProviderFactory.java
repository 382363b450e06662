package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.HandOver;
import io.vantage.cloud.api.HandOverAgent;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.SettingDescriptor;
import java.time.Duration;
import java.util.List;
import org.openstack4j.core.transport.Config;

import static io.vantage.cloud.api.SettingDescriptor.optional;
import static io.vantage.cloud.api.SettingDescriptor.required;
import static io.vantage.cloud.api.SettingDescriptor.secret;

/** Creates OpenStack providers ({@code type: openstack}); found by the portal through {@link java.util.ServiceLoader}. */
public final class OpenStackProviderFactory implements CloudProviderFactory<OpenStackSettings> {

    static final String TYPE = "openstack";
    static final Duration HAND_OVER_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<OpenStackSettings> settingsType() {
        return OpenStackSettings.class;
    }

    @Override
    public String description() {
        return "OpenStack project: Keystone v3, Nova, Glance, Neutron";
    }

    /** Log in with username and password (and a project) or with an application credential. */
    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                required("auth-url", "Keystone v3 URL; /v3 is added when missing", "https://keystone.example.org:5000/v3"),
                optional("region", "Region of the catalogue endpoints; empty = the first endpoint of each service",
                        "RegionOne"),
                optional("username", "User for password login (with password and a project)", "vantage"),
                secret("password", "Password of that user", false),
                optional("user-domain", "Domain name of the user", OpenStackSettings.DEFAULT_DOMAIN),
                optional("project-id", "Project to scope a password login to (or project-name)",
                        "8538a3f13f9541b28c2620eb19065e45"),
                optional("project-name", "Project name to scope a password login to, in project-domain", "vantage"),
                optional("project-domain", "Domain name of project-name", OpenStackSettings.DEFAULT_DOMAIN),
                optional("application-credential-id", "Application credential (bound to its project), instead of a "
                        + "password login", "423f19a4ac1e4f48bbb4180756e6eb6c"),
                secret("application-credential-secret", "Secret of the application credential", false),
                optional("network-ids", "Networks new servers are attached to", "[6d3f1a5e-0b9c-4c1e-9d55-2f7f4c0f1a11]"),
                optional("floating-ip-pool", "External network for floating IPs; when set the portal reaches "
                        + "machines only by their floating address", "public"),
                optional("connect-timeout", "TCP connect timeout of every call (capped by the portal's call "
                        + "timeout)", "10s"),
                optional("read-timeout", "Longest wait for an answer (capped by the portal's call timeout)", "30s"),
                optional("catalogue-ttl", "How long images and flavours are cached", "60s"),
                optional("pool-agent-port", "Port of the hand-over agent of pool machines (the image contract's "
                        + "vantage-handover); pre-warmed pools hand machines over through it",
                        String.valueOf(HandOverAgent.DEFAULT_PORT)));
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
        // a hand-over restarts the machine's notebook, which may take longer than one API call
        HandOver handOver = new HandOverAgent(network, settings.poolAgentPort(), HAND_OVER_TIMEOUT);
        return new OpenStackProvider(name, session, compute, catalogue, network, handOver);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
