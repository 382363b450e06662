package io.vantage.cloud.local;

import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Limits;

import java.util.List;

/** Only the instance count can be capped (setting max-instances); CPU and memory use are the advisory flavour sizes. */
final class LocalLimits implements Limits {

    private final LocalSettings settings;
    private final Compute compute;
    private final Catalogue catalogue;
    private final InstanceStore store;

    LocalLimits(LocalSettings settings, Compute compute, Catalogue catalogue, InstanceStore store) {
        this.settings = settings;
        this.compute = compute;
        this.catalogue = catalogue;
        this.store = store;
    }

    @Override
    public CloudLimits limits() {
        List<CloudInstance> instances = compute.list();
        int vcpus = 0;
        int memory = 0;
        for (CloudInstance instance : instances) {
            CloudFlavour flavour = store.load(instance.computeId()).map(InstanceRecord::flavourId)
                    .flatMap(catalogue::flavour).orElse(null);
            if (flavour != null) {
                vcpus += flavour.vcpus();
                memory += flavour.memoryMib();
            }
        }
        return new CloudLimits(settings.maxInstances(), null, null, null, instances.size(), vcpus, memory, 0);
    }
}
