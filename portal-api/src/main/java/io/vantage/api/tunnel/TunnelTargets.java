package io.vantage.api.tunnel;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;

/** Where a tunnel connects to: the instance's service, as its cloud provider says it is reached. */
@Component
public class TunnelTargets {

    /** An instance's service endpoint, with what a tunnel needs to authenticate to it (never sent to a browser). */
    public record Target(Endpoint endpoint, String secret, int screenWidth, int screenHeight, String keyboardLayout,
                         String instanceName) {
        @Override
        public String toString() {
            return "Target[" + endpoint + ", secret=****]";
        }
    }

    private final InstanceRepository instances;
    private final ProviderRegistry providers;
    private final TunnelProperties properties;
    private final TransactionTemplate tx;

    public TunnelTargets(InstanceRepository instances, ProviderRegistry providers, TunnelProperties properties,
                  TransactionTemplate tx) {
        this.instances = instances;
        this.providers = providers;
        this.properties = properties;
        this.tx = tx;
    }

    /** The endpoint of the instance's service of this kind, e.g. its VNC server or its Jupyter server. */
    public Optional<Target> resolve(Long instanceId, ProtocolKind kind) {
        Snapshot snapshot = tx.execute(status -> instances.findById(instanceId).map(Snapshot::of).orElse(null));
        if (snapshot == null || snapshot.computeId() == null) {
            return Optional.empty();
        }
        Integer port = kind == ProtocolKind.GUACD ? Integer.valueOf(4822) : snapshot.ports().get(kind);
        if (port == null) {
            return Optional.empty();
        }
        try {
            CloudProvider provider = providers.require(snapshot.providerId());
            Optional<CloudInstance> machine = provider.compute().get(snapshot.computeId());
            return machine.flatMap(m -> provider.network().endpoint(m, port))
                    .map(endpoint -> new Target(endpoint, snapshot.secret(), snapshot.width(), snapshot.height(),
                            snapshot.keyboard(), snapshot.name()));
        } catch (CloudProviderException | io.vantage.api.cloud.ProviderUnavailableException e) {
            return Optional.empty();
        }
    }

    /** The guacd to use for an instance: the central one when configured, else guacd on the instance. */
    public Optional<Endpoint> guacd(Long instanceId) {
        if (properties.guacd().isCentral()) {
            return Optional.of(new Endpoint(properties.guacd().host(), properties.guacd().port()));
        }
        return resolve(instanceId, ProtocolKind.GUACD).map(Target::endpoint);
    }

    private record Snapshot(Long providerId, String computeId, java.util.Map<ProtocolKind, Integer> ports,
                            String secret, int width, int height, String keyboard, String name) {
        static Snapshot of(Instance instance) {
            java.util.Map<ProtocolKind, Integer> ports = new java.util.EnumMap<>(ProtocolKind.class);
            for (Protocol protocol : instance.getPlan().getImage().getProtocols()) {
                ports.putIfAbsent(protocol.getKind(), protocol.getPort());
            }
            return new Snapshot(instance.getProvider().getId(), instance.getComputeId(), ports,
                    instance.getAccessSecret(), instance.getScreen().width(), instance.getScreen().height(),
                    instance.getKeyboardLayout(), instance.getName());
        }
    }
}
