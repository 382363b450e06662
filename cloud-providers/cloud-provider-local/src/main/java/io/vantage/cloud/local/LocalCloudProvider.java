package io.vantage.cloud.local;

import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.ProviderHealth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The local machine as a cloud. Closing it leaves the instances running, for the next portal to find. */
final class LocalCloudProvider implements CloudProvider {

    private final String name;
    private final LocalPackages packages;
    private final InstanceStore store;
    private final OperationQueue queue = new OperationQueue();
    private final LocalCatalogue catalogue;
    private final LocalCompute compute;
    private final LocalLimits limits;
    private final LocalNetwork network;

    LocalCloudProvider(String name, LocalSettings settings, ProviderContext context, LocalPackages packages) {
        this.name = name;
        this.packages = packages;
        this.store = new InstanceStore(Path.of(settings.workDir()));
        this.catalogue = new LocalCatalogue(settings, packages);
        this.compute = new LocalCompute(context, settings, store, catalogue, packages, queue);
        this.limits = new LocalLimits(settings, compute, catalogue, store);
        this.network = new LocalNetwork(context, settings, store);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return LocalProviderFactory.TYPE;
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
    public Network network() {
        return network;
    }

    /** Up when the work dir takes a file; missing packages are reported but only make their images unavailable. */
    @Override
    public ProviderHealth checkHealth() {
        long started = System.nanoTime();
        Path workDir = store.workDir();
        try {
            SecureFiles.directory(workDir);
            Path probe = workDir.resolve(".health-" + UUID.randomUUID());
            SecureFiles.write(probe, new byte[0]);
            Files.delete(probe);
            List<String> missing = packages.missing();
            String message = missing.isEmpty() ? "OK" : "OK; missing Debian packages " + String.join(" ", missing)
                    + " (install with: " + LocalPackages.installCommand(missing) + ")";
            return new ProviderHealth(true, message, Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception e) {
            return ProviderHealth.down("Work dir " + workDir.toAbsolutePath() + " is not writable: " + e);
        }
    }

    @Override
    public void close() {
        queue.close();
    }
}
