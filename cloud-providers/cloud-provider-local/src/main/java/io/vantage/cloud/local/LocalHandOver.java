package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.HandOver;
import io.vantage.cloud.api.HandOverRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.Tags;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Gives a pool instance to its owner with a direct call: the owner's secret replaces the pool secret in the VNC
 * password and Jupyter token files, the record takes the owner's name, tags and screen, the experiments' data is
 * applied, and every process is started afresh as the instance's own user. Ending the processes ends any connection
 * made with the pool secret, and the new ones read only the owner's. The Unix user, its home and the folder stay:
 * they are named by the instance uid, which the instance keeps.
 */
final class LocalHandOver implements HandOver {

    static final String NONCE_TAG = "vantage-handover-nonce";

    private final InstanceStore store;
    private final LocalCatalogue catalogue;
    private final OperationQueue queue;
    private final InstanceLifecycle lifecycle;
    private final ExperimentData experimentData;
    private final LocalCompute compute;

    LocalHandOver(InstanceStore store, LocalCatalogue catalogue, OperationQueue queue, InstanceLifecycle lifecycle,
                  ExperimentData experimentData, LocalCompute compute) {
        this.store = store;
        this.catalogue = catalogue;
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.experimentData = experimentData;
        this.compute = compute;
    }

    @Override
    public void handOver(CloudInstance machine, HandOverRequest request) {
        String computeId = machine.computeId();
        InstanceRecord record = compute.require(computeId);
        if (!record.pooled()) {
            if (!request.nonce().equals(record.tags().get(NONCE_TAG))) {
                throw new CloudPermanentException("Local instance " + computeId + " was handed over already");
            }
        } else {
            compute.requirePackages(record);
            compute.await(queue.submit(computeId, CloudState.STARTING,
                    superseded -> apply(computeId, request, superseded)));
        }
        // the same request again (a lost answer) only waits for the processes the first one started
        InstanceRecord after = compute.require(computeId);
        if (after.fault() != null) {
            throw new CloudPermanentException("Local instance " + computeId + " did not start for its owner: "
                    + after.fault());
        }
        if (compute.get(computeId).map(CloudInstance::state).orElse(null) != CloudState.RUNNING) {
            throw new CloudTransientException("Local instance " + computeId + " is still starting for its owner");
        }
    }

    private void apply(String computeId, HandOverRequest request, BooleanSupplier superseded) {
        InstanceRecord record = store.load(computeId).orElse(null);
        if (record == null || !record.pooled() || superseded.getAsBoolean()) {
            return;
        }
        InstanceMetadata owner = request.metadata();
        Map<String, String> tags = new LinkedHashMap<>(record.tags());
        tags.putAll(owner.tags());
        tags.put(NONCE_TAG, request.nonce());
        boolean screenGiven = owner.screenWidth() > 0 && owner.screenHeight() > 0;
        InstanceRecord handed = record.handedOver(request.name(), tags,
                screenGiven ? owner.screenWidth() : record.screenWidth(),
                screenGiven ? owner.screenHeight() : record.screenHeight());
        InstancePaths paths = store.paths(computeId);
        handed = experimentData.apply(handed, paths, owner.experiments());
        Launcher launcher = catalogue.launcher(record.imageId()).orElseThrow(() -> new CloudPermanentException(
                "Unknown local image " + record.imageId()));
        launcher.writeSecrets(paths, owner.secret(), record.user());
        store.save(handed);
        lifecycle.launch(computeId, superseded);
    }
}
