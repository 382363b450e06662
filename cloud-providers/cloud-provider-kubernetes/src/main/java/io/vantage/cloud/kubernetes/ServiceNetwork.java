package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Service;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.Network;

import java.util.Optional;
import java.util.function.Function;

/**
 * The portal reaches an instance through its ClusterIP Service, whose DNS name survives restarts while the pod's
 * address does not. This assumes the portal runs in the same cluster (or resolves its service names).
 */
final class ServiceNetwork implements Network {

    private final Function<String, Optional<Service>> services;
    private final String namespace;

    /** {@code services} reads an instance's Service, this deployment's only. */
    ServiceNetwork(Function<String, Optional<Service>> services, String namespace) {
        this.services = services;
        this.namespace = namespace;
    }

    static String host(String computeId, String namespace) {
        return computeId + "." + namespace + ".svc";
    }

    /** Empty when the instance has no Service or its image does not expose this port. */
    @Override
    public Optional<Endpoint> endpoint(CloudInstance instance, int port) {
        return services.apply(instance.computeId())
                .filter(service -> service.getSpec() != null && service.getSpec().getPorts().stream()
                        .anyMatch(servicePort -> servicePort.getPort() != null && servicePort.getPort() == port))
                .map(service -> new Endpoint(host(instance.computeId(), namespace), port));
    }
}
