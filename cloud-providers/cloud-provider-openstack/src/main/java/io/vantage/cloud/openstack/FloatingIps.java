package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openstack4j.api.Builders;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.network.options.PortListOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Floating addresses from the configured pool, for a portal that cannot reach the project's own networks. A server
 * gets one once it runs (its port exists only then); its addresses are released before it is deleted, because
 * Neutron keeps them allocated, and counted against the quota, after the server is gone.
 */
final class FloatingIps implements Network {

    private static final Logger LOG = LoggerFactory.getLogger(FloatingIps.class);

    private final OpenStackSession session;
    private final String pool;
    private final Map<String, String> addressByServer = new ConcurrentHashMap<>();
    private volatile String poolNetworkId;

    FloatingIps(OpenStackSession session, String pool) {
        this.session = session;
        this.pool = pool;
    }

    /** The instance as it is, or with the floating address it has just been given. */
    CloudInstance ensure(Server server, CloudInstance instance) {
        if (instance.state() != CloudState.RUNNING) {
            return instance;
        }
        List<String> floating = NovaServers.floatingAddresses(server);
        if (!floating.isEmpty()) {
            addressByServer.put(server.getId(), floating.get(0));
            return instance;
        }
        try {
            String address = attach(server.getId());
            addressByServer.put(server.getId(), address);
            List<String> addresses = new ArrayList<>(instance.addresses());
            addresses.add(address);
            return new CloudInstance(instance.computeId(), instance.name(), instance.state(), instance.fault(),
                    addresses, instance.tags(), instance.createdAt());
        } catch (CloudProviderException e) {
            // Reading the server must not fail for this: the next read tries again.
            LOG.warn("Server {} has no floating IP from pool '{}' yet: {}", server.getId(), pool, e.getMessage());
            return instance;
        }
    }

    void release(String computeId) {
        addressByServer.remove(computeId);
        for (Port port : ports(computeId)) {
            List<? extends NetFloatingIP> addresses = session.call("list the floating IPs of server " + computeId,
                    os -> os.networking().floatingip().list(Map.of("port_id", port.getId())));
            for (NetFloatingIP address : addresses) {
                session.call("release floating IP " + address.getFloatingIpAddress(), os -> {
                    ActionResponse response = os.networking().floatingip().delete(address.getId());
                    return response.getCode() == 404 ? response : OpenStackSession.check(response);
                });
            }
        }
    }

    /** Only a floating address reaches the machine; none yet means not reachable yet. */
    @Override
    public Optional<Endpoint> endpoint(CloudInstance instance, int port) {
        return Optional.ofNullable(addressByServer.get(instance.computeId())).map(address -> new Endpoint(address, port));
    }

    private String attach(String computeId) {
        Port port = ports(computeId).stream().findFirst().orElseThrow(() -> new CloudTransientException(
                "Could not give server " + computeId + " a floating IP: it has no network port yet."));
        String network = poolNetworkId();
        NetFloatingIP created = session.call("allocate a floating IP from pool '" + pool + "' for server " + computeId,
                os -> os.networking().floatingip().create(Builders.netFloatingIP()
                        .floatingNetworkId(network).portId(port.getId()).build()));
        LOG.info("Server {} reachable at floating IP {}", computeId, created.getFloatingIpAddress());
        return created.getFloatingIpAddress();
    }

    private List<? extends Port> ports(String computeId) {
        return session.call("find the ports of server " + computeId,
                os -> os.networking().port().list(PortListOptions.create().deviceId(computeId)));
    }

    // The pool may be configured by name or by id; a name is looked up once.
    private String poolNetworkId() {
        if (poolNetworkId == null) {
            List<? extends org.openstack4j.model.network.Network> byName = session.call(
                    "find the floating IP pool '" + pool + "'", os -> os.networking().network().list(Map.of("name", pool)));
            poolNetworkId = byName.isEmpty() ? pool : byName.get(0).getId();
        }
        return poolNetworkId;
    }
}
