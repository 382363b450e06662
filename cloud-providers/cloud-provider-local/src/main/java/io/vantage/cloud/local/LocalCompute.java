package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.Tags;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Instances as local processes. create, start and reboot return at once and launch in the background; stop and
 * delete return when the processes are gone. Only instances tagged with this deployment are visible.
 */
final class LocalCompute implements Compute {

    private final ProviderContext context;
    private final LocalSettings settings;
    private final InstanceStore store;
    private final LocalCatalogue catalogue;
    private final LocalPackages packages;
    private final OperationQueue queue;
    private final InstanceLifecycle lifecycle;
    private final InstanceView view;
    private final InstanceFactory factory;
    private final DataFolders data;
    private final LocalHandOver handOver;

    LocalCompute(ProviderContext context, LocalSettings settings, InstanceStore store, LocalCatalogue catalogue,
                 LocalPackages packages, OperationQueue queue, InstanceIsolation isolation) {
        this.context = context;
        this.settings = settings;
        this.store = store;
        this.catalogue = catalogue;
        this.packages = packages;
        this.queue = queue;
        this.data = new DataFolders(isolation.users(), new DataGroups(LocalPackages.systemTools()));
        this.lifecycle = new InstanceLifecycle(store, catalogue, settings,
                new ProcessStarter(new Executables(settings.executablePath())), isolation, data);
        this.view = new InstanceView(settings, store, queue);
        ExperimentData experimentData = new ExperimentData();
        this.factory = new InstanceFactory(context, settings, store, catalogue, packages, isolation, experimentData);
        this.handOver = new LocalHandOver(store, catalogue, queue, lifecycle, experimentData, this);
    }

    LocalHandOver handOver() {
        return handOver;
    }

    @Override
    public CloudInstance create(CreateInstanceRequest request) {
        InstanceRecord record = factory.create(request, list().size());
        queue.submit(record.computeId(), CloudState.BUILDING,
                superseded -> lifecycle.launch(record.computeId(), superseded));
        return view.of(record);
    }

    @Override
    public Optional<CloudInstance> get(String computeId) {
        return ours(computeId).map(view::of);
    }

    @Override
    public List<CloudInstance> list() {
        return store.all().stream().filter(this::isOurs).map(view::of).toList();
    }

    /** From the records alone: only the match is looked at as a running machine. */
    @Override
    public Optional<CloudInstance> findByInstanceUid(String instanceUid) {
        return store.all().stream().filter(this::isOurs)
                .filter(record -> instanceUid.equals(record.tags().get(Tags.INSTANCE))).findFirst().map(view::of);
    }

    /**
     * Links now; a new folder's group reaches the instance's processes only when they start again, so a running
     * instance that gains or loses a group answers {@link DataAttachment#AFTER_RESTART}.
     */
    @Override
    public DataAttachment applyDataMounts(String computeId, List<DataMount> mounts) {
        InstanceRecord record = require(computeId);
        DataFolders.check(mounts);
        InstancePaths paths = store.paths(computeId);
        boolean groupsChanged;
        synchronized (DataFolders.lock(computeId)) {
            DataMountFile.save(paths, mounts);
            try {
                groupsChanged = data.apply(paths, record.user(), mounts);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new CloudPermanentException("Cannot open the data folders: " + e.getMessage(), e);
            }
        }
        boolean running = record.desired() == InstanceRecord.Desired.RUNNING && !record.processes().isEmpty();
        return groupsChanged && running ? DataAttachment.AFTER_RESTART : DataAttachment.APPLIED;
    }

    @Override
    public void start(String computeId) {
        InstanceRecord record = require(computeId);
        requirePackages(record);
        queue.submit(computeId, CloudState.STARTING, superseded -> lifecycle.start(computeId, superseded));
    }

    @Override
    public void stop(String computeId) {
        require(computeId);
        await(queue.submit(computeId, CloudState.STOPPING, superseded -> lifecycle.stop(computeId)));
    }

    @Override
    public void reboot(String computeId) {
        InstanceRecord record = require(computeId);
        requirePackages(record);
        queue.submit(computeId, CloudState.REBOOTING, superseded -> lifecycle.launch(computeId, superseded));
    }

    @Override
    public void delete(String computeId) {
        if (ours(computeId).isPresent()) {
            await(queue.submit(computeId, CloudState.DELETING, superseded -> lifecycle.delete(computeId)));
        }
    }

    private Optional<InstanceRecord> ours(String computeId) {
        return store.load(computeId).filter(this::isOurs);
    }

    private boolean isOurs(InstanceRecord record) {
        return context.deploymentId().equals(record.tags().get(Tags.DEPLOYMENT));
    }

    InstanceRecord require(String computeId) {
        return ours(computeId).orElseThrow(() -> new CloudPermanentException("No local instance " + computeId));
    }

    void requirePackages(InstanceRecord record) {
        catalogue.launcher(record.imageId())
                .ifPresent(launcher -> packages.requireFor(record.imageId(), launcher.programs()));
    }

    /** Stopping takes the grace period plus the kill; a launch queued before may hold the instance a while. */
    void await(CompletableFuture<Void> operation) {
        Duration timeout = settings.stopGrace().multipliedBy(2).plusSeconds(5);
        timeout = timeout.compareTo(context.callTimeout()) > 0 ? timeout : context.callTimeout();
        try {
            operation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CloudTransientException("The local instance is still busy after " + timeout
                    + "; the request goes on in the background", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CloudProviderException failure) {
                throw failure;
            }
            throw new CloudTransientException("Local instance operation failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudTransientException("Interrupted while waiting for the local instance", e);
        }
    }
}
