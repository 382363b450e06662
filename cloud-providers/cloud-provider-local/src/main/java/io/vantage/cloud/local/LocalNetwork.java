package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.Tags;

import java.util.Optional;

/**
 * Maps the image's well-known port (5901, 8888) to the port chosen at launch. Ports change on every launch, so the
 * answer is read from the current record; a stopped instance has none.
 */
final class LocalNetwork implements Network {

    private final ProviderContext context;
    private final LocalSettings settings;
    private final InstanceStore store;

    LocalNetwork(ProviderContext context, LocalSettings settings, InstanceStore store) {
        this.context = context;
        this.settings = settings;
        this.store = store;
    }

    @Override
    public Optional<Endpoint> endpoint(CloudInstance instance, int port) {
        return store.load(instance.computeId())
                .filter(record -> context.deploymentId().equals(record.tags().get(Tags.DEPLOYMENT)))
                .filter(record -> record.desired() == InstanceRecord.Desired.RUNNING)
                .map(record -> record.ports().get(port))
                .map(actual -> new Endpoint(settings.connectHost(), actual));
    }
}
