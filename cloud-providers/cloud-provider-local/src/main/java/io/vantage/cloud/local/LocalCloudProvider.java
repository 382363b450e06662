package io.vantage.cloud.local;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.HandOver;
import io.vantage.cloud.api.InstanceFiles;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.ProviderHealth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The local machine as a cloud. Closing it leaves the instances running, for the next portal to find. */
final class LocalCloudProvider implements CloudProvider {

    private static final Logger log = LoggerFactory.getLogger(LocalCloudProvider.class);

    private final String name;
    private final LocalPackages packages;
    private final InstanceStore store;
    private final OperationQueue queue = new OperationQueue();
    private final LocalCatalogue catalogue;
    private final LocalCompute compute;
    private final LocalLimits limits;
    private final LocalNetwork network;
    private final InstanceIsolation isolation;
    private final LocalFiles files;
    /** Said by the portal at startup and in the admin console ({@link #warnings()}); null when isolated. */
    private final String weakness;

    LocalCloudProvider(String name, LocalSettings settings, ProviderContext context, LocalPackages packages,
                       InstanceIsolation isolation) {
        this.name = name;
        this.packages = packages;
        this.isolation = isolation;
        this.store = new InstanceStore(Path.of(settings.workDir()),
                isolation.users() ? SecureFiles.TRAVERSABLE : SecureFiles.PRIVATE);
        this.weakness = isolation.weakness(name, store.workDir());
        if (weakness == null) {
            InstanceIsolation.blockedAncestor(store.workDir().toAbsolutePath().getParent()).ifPresent(blocked ->
                    log.warn("Local provider '{}': instance users cannot reach their homes under {}: {} does not let "
                            + "other users through; launches will fail until it does (chmod o+x {}) or workDir "
                            + "moves", name, store.workDir().toAbsolutePath(), blocked, blocked));
        }
        this.catalogue = new LocalCatalogue(settings, packages);
        this.compute = new LocalCompute(context, settings, store, catalogue, packages, queue, isolation);
        this.limits = new LocalLimits(settings, compute, catalogue, store);
        this.network = new LocalNetwork(context, settings, store);
        this.files = new LocalFiles(store, new Executables(settings.executablePath()));
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

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.STOP_START, Capability.REBOOT, Capability.POOL);
    }

    @Override
    public Optional<InstanceFiles> files() {
        return Optional.of(files);
    }

    @Override
    public Optional<HandOver> handOver() {
        return Optional.of(compute.handOver());
    }

    /** The moment a launch, start, stop or hand-over is done, the portal hears of it and need not wait for a poll. */
    @Override
    public void watchStates(java.util.function.Consumer<String> listener) {
        queue.onSettled(listener);
    }

    /** Installs the Debian packages desktops and notebooks need when this process may; else logs the command. */
    @Override
    public void prepare() {
        packages.installIfPossible().ifPresent(command ->
                LoggerFactory.getLogger(LocalCloudProvider.class).warn(
                        "Local desktops and notebooks will not start until you run: {}", command));
    }

    /** Instances that run as the portal's own user can read each other's secrets and the portal's data. */
    @Override
    public List<String> warnings() {
        return weakness == null ? List.of() : List.of(weakness);
    }

    /**
     * Up when the work dir takes a file and, with a user per instance, those users can reach it; missing packages
     * are reported but only make their images unavailable.
     */
    @Override
    public ProviderHealth checkHealth() {
        long started = System.nanoTime();
        Path workDir = store.workDir();
        try {
            store.ensureWorkDir();
            Path probe = workDir.resolve(".health-" + UUID.randomUUID());
            SecureFiles.write(probe, new byte[0]);
            Files.delete(probe);
            if (isolation.users()) {
                Optional<Path> blocked = InstanceIsolation.blockedAncestor(workDir.toAbsolutePath().getParent());
                if (blocked.isPresent()) {
                    return ProviderHealth.down("Instance users cannot reach their homes under "
                            + workDir.toAbsolutePath() + ": " + blocked.get() + " does not let other users through "
                            + "(chmod o+x it, or set workDir elsewhere)");
                }
            }
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
