package io.vantage.cloud.api;

import java.util.Optional;

/**
 * Where the portal reaches a port of a machine (VNC, Jupyter, guacd): the machine's address on most clouds,
 * a service name on Kubernetes, a loopback port chosen at launch on the local provider.
 */
public interface Network {

    Optional<Endpoint> endpoint(CloudInstance instance, int port);

    /** The usual case: the machine's first address and the port itself. */
    Network ADDRESS_AND_PORT = (instance, port) -> instance.address().map(address -> new Endpoint(address, port));
}
