package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.ProviderContext;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Checks a create request and lays down the new instance's folder, record and secret files. */
final class InstanceFactory {

    private static final int DEFAULT_WIDTH = 1280;
    private static final int DEFAULT_HEIGHT = 800;

    private final ProviderContext context;
    private final LocalSettings settings;
    private final InstanceStore store;
    private final LocalCatalogue catalogue;
    private final LocalPackages packages;
    private final InstanceIsolation isolation;
    private final ExperimentData experimentData;

    InstanceFactory(ProviderContext context, LocalSettings settings, InstanceStore store, LocalCatalogue catalogue,
                    LocalPackages packages, InstanceIsolation isolation, ExperimentData experimentData) {
        this.context = context;
        this.settings = settings;
        this.store = store;
        this.catalogue = catalogue;
        this.packages = packages;
        this.isolation = isolation;
        this.experimentData = experimentData;
    }

    /** @param existing how many instances this deployment has now */
    InstanceRecord create(CreateInstanceRequest request, int existing) {
        Launcher launcher = catalogue.launcher(request.imageId()).orElseThrow(() -> new CloudPermanentException(
                "Unknown local image '" + request.imageId() + "'; the local provider offers "
                        + LocalCatalogue.DESKTOP + " and " + LocalCatalogue.NOTEBOOK));
        if (catalogue.flavour(request.flavourId()).isEmpty()) {
            throw new CloudPermanentException("Unknown local flavour '" + request.flavourId()
                    + "'; the local provider offers small, medium and large");
        }
        DataFolders.check(request.dataMounts());
        InstanceMetadata metadata = request.metadata();
        if (metadata.secret() == null || metadata.secret().isBlank()) {
            // an empty VNC password or Jupyter token would leave the instance open to every local user
            throw new CloudPermanentException("A local " + request.imageId() + " needs the instance secret");
        }
        packages.requireFor(request.imageId(), launcher.programs());
        if (settings.maxInstances() != null && existing >= settings.maxInstances()) {
            throw new CloudPermanentException("The local provider runs at most " + settings.maxInstances()
                    + " instances (setting max-instances); delete one first");
        }
        boolean screenGiven = metadata.screenWidth() > 0 && metadata.screenHeight() > 0;
        InstanceRecord record = new InstanceRecord(store.newId(), request.name(), request.imageId(),
                request.flavourId(), context.clock().instant(), metadata.tags(),
                screenGiven ? metadata.screenWidth() : DEFAULT_WIDTH,
                screenGiven ? metadata.screenHeight() : DEFAULT_HEIGHT,
                InstanceRecord.Desired.RUNNING, 0, Map.of(), List.of(), null, null);
        try {
            InstancePaths paths = store.create(record);
            record = RecipeClone.remember(experimentData.apply(isolation.prepare(record, paths), paths,
                    metadata.experiments()), metadata.recipe());
            store.save(record);
            DataMountFile.save(paths, request.dataMounts());
            launcher.writeSecrets(paths, metadata.secret(), record.user());
        } catch (UncheckedIOException e) {
            safelyDelete(record);
            throw new CloudPermanentException("Cannot write the local work dir "
                    + store.workDir().toAbsolutePath() + " (setting workDir): " + e.getCause().getMessage(), e);
        } catch (CloudPermanentException e) {
            safelyDelete(record);
            throw e;
        } catch (RuntimeException e) {
            safelyDelete(record);
            throw new CloudPermanentException("Cannot create the local instance's user: " + e.getMessage(), e);
        }
        return record;
    }

    private void safelyDelete(InstanceRecord record) {
        try {
            isolation.remove(record);
            store.delete(record.computeId());
        } catch (RuntimeException ignored) {
            // the folder could not be written or the user made, so there is little to remove
        }
    }
}
