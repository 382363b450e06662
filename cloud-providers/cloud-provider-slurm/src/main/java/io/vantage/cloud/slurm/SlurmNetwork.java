package io.vantage.cloud.slurm;

import java.util.Optional;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.Network;

/**
 * Maps the image's well-known port (5901, 8888) to the port the job's server took on its node. The host is the
 * address Slurm has for the job's node, never anything the job wrote; the port is what the job reported in its
 * comment (checked to be unprivileged). No port yet (still starting) or no node (queued) gives none.
 */
final class SlurmNetwork implements Network {

    @Override
    public Optional<Endpoint> endpoint(CloudInstance instance, int port) {
        Integer real = JobComment.ports(instance.tags().get(JobComment.PORTS)).get(port);
        if (real == null) {
            return Optional.empty();
        }
        return instance.address().map(address -> new Endpoint(address, real));
    }
}
