package io.vantage.cloud.openstack;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.HandOver;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.cloud.api.SecurityGroups;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One OpenStack project, reached through one shared Keystone token. */
final class OpenStackProvider implements CloudProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStackProvider.class);

    private final String name;
    private final OpenStackSession session;
    private final Compute compute;
    private final Catalogue catalogue;
    private final Limits limits;
    private final SecurityGroups securityGroups;
    private final Network network;
    private final HandOver handOver;

    OpenStackProvider(String name, OpenStackSession session, Compute compute, Catalogue catalogue, Network network,
                      HandOver handOver) {
        this.name = name;
        this.session = session;
        this.compute = compute;
        this.catalogue = catalogue;
        this.limits = new NovaLimits(session);
        this.securityGroups = new OpenStackSecurityGroups(session);
        this.network = network;
        this.handOver = handOver;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return OpenStackProviderFactory.TYPE;
    }

    @Override
    public Compute compute() {
        return compute;
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public SecurityGroups securityGroups() {
        return securityGroups;
    }

    @Override
    public Network network() {
        return network;
    }

    /** Pool machines run the image contract's hand-over agent, reached like their other ports. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.STOP_START, Capability.REBOOT, Capability.POOL);
    }

    @Override
    public Optional<HandOver> handOver() {
        return Optional.of(handOver);
    }

    /** Keystone (when no valid token is held) and Nova's limits, a small call; failures are reported, never thrown. */
    @Override
    public ProviderHealth checkHealth() {
        long started = System.nanoTime();
        try {
            limits.limits();
            return ProviderHealth.up(Duration.ofNanos(System.nanoTime() - started));
        } catch (CloudProviderException e) {
            return ProviderHealth.down(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Health check of OpenStack provider '{}' failed unexpectedly", name, e);
            return ProviderHealth.down("Unexpected failure: " + e);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "OpenStackProvider[" + name + "]";
    }
}
