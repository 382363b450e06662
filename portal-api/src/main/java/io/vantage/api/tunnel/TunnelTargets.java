package io.vantage.api.tunnel;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.cloud.CloudCalls;
import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.cloud.ProviderUnavailableException;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;

/**
 * Where a tunnel connects to: the instance's service, as its cloud provider says it is reached. The cloud is asked
 * for at most {@code vantage.cloud.call-timeout} (questions about the same machine and port asked meanwhile share one
 * call): a slow or hanging cloud makes opening a desktop or notebook fail with {@link CloudNotAnswering}, never hang.
 */
@Component
public class TunnelTargets {

    private static final Logger log = LoggerFactory.getLogger(TunnelTargets.class);

    /** The cloud did not say where the machine is (no answer in time, or an error); the message is for people. */
    public static class CloudNotAnswering extends RuntimeException {
        public CloudNotAnswering(String message) {
            super(message);
        }
    }

    /** Short: it travels as a websocket close reason (at most 123 bytes) too. */
    static final String NOT_ANSWERING = "The cloud does not answer, so the instance cannot be reached now. "
            + "Try again in a moment.";

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
    private final CloudCalls calls;

    public TunnelTargets(InstanceRepository instances, ProviderRegistry providers, TunnelProperties properties,
                  TransactionTemplate tx, CloudCalls calls) {
        this.instances = instances;
        this.providers = providers;
        this.properties = properties;
        this.tx = tx;
        this.calls = calls;
    }

    private record Question(Long providerId, String computeId, int port) {
    }

    /**
     * The endpoint of the instance's service of this kind, e.g. its VNC server or its Jupyter server; empty when the
     * instance has no machine or no such service, or its machine is gone.
     *
     * @throws CloudNotAnswering when the cloud does not say where the machine is within the call timeout
     */
    public Optional<Target> resolve(Long instanceId, ProtocolKind kind) {
        Snapshot snapshot = tx.execute(status -> instances.findById(instanceId).map(Snapshot::of).orElse(null));
        if (snapshot == null || snapshot.computeId() == null) {
            return Optional.empty();
        }
        Integer port = kind == ProtocolKind.GUACD ? Integer.valueOf(4822) : snapshot.ports().get(kind);
        if (port == null) {
            return Optional.empty();
        }
        CloudProvider provider;
        try {
            provider = providers.require(snapshot.providerId());
        } catch (ProviderUnavailableException e) {
            return Optional.empty();
        }
        Optional<Endpoint> endpoint;
        try {
            endpoint = calls.shared(new Question(snapshot.providerId(), snapshot.computeId(), port), () -> {
                Optional<CloudInstance> machine = provider.compute().get(snapshot.computeId());
                return machine.flatMap(m -> provider.network().endpoint(m, port));
            });
        } catch (CloudProviderException e) {
            log.info("Cloud provider '{}' did not say where instance {} is: {}", provider.name(), instanceId,
                    e.getMessage());
            throw new CloudNotAnswering(NOT_ANSWERING);
        }
        return endpoint.map(found -> new Target(found, snapshot.secret(), snapshot.width(), snapshot.height(),
                snapshot.keyboard(), snapshot.name()));
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
