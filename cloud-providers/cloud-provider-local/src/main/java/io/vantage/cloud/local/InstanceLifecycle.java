package io.vantage.cloud.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The work behind each request, run on the instance's {@link OperationQueue}; never called concurrently per id. */
final class InstanceLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstanceLifecycle.class);

    private final InstanceStore store;
    private final LocalCatalogue catalogue;
    private final LocalSettings settings;
    private final ProcessStarter starter;
    private final InstanceIsolation isolation;
    private final DataFolders data;

    InstanceLifecycle(InstanceStore store, LocalCatalogue catalogue, LocalSettings settings, ProcessStarter starter,
                      InstanceIsolation isolation, DataFolders data) {
        this.store = store;
        this.catalogue = catalogue;
        this.settings = settings;
        this.starter = starter;
        this.isolation = isolation;
        this.data = data;
    }

    /** Start, unless everything already runs. */
    void start(String computeId, BooleanSupplier superseded) {
        Optional<InstanceRecord> record = store.load(computeId);
        if (record.isPresent() && !isHealthy(record.get())) {
            launch(computeId, superseded);
        }
    }

    /** Ends whatever still runs of the instance, then launches it afresh (create, reboot, start after a crash). */
    void launch(String computeId, BooleanSupplier superseded) {
        Optional<InstanceRecord> found = store.load(computeId);
        if (found.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        InstanceRecord record = found.get();
        end(record);
        Launch launch;
        try {
            launch = new Launch(isolation.prepare(record.cleared().withDesired(InstanceRecord.Desired.RUNNING),
                    store.paths(computeId)), store, settings, starter, superseded);
        } catch (RuntimeException e) {
            log.warn("Local instance {} cannot get its user", computeId, e);
            store.save(record.cleared().withDesired(InstanceRecord.Desired.RUNNING).withFault(e.getMessage()));
            return;
        }
        store.save(launch.record());
        try {
            InstancePaths paths = store.paths(computeId);
            synchronized (DataFolders.lock(computeId)) {
                data.apply(paths, launch.record().user(), DataMountFile.load(paths));
            }
        } catch (RuntimeException e) {
            log.warn("Local instance {} cannot open its data", computeId, e);
            store.save(launch.record().withFault("cannot open its data: " + e.getMessage()));
            return;
        }
        try {
            Launcher launcher = catalogue.launcher(record.imageId())
                    .orElseThrow(() -> new LaunchException("unknown image " + record.imageId()));
            RecipeClone.run(launch); // before the notebook lists the home
            launcher.launch(launch);
            log.info("Local instance {} ({}) is running after {} ms: ports {}", computeId, record.imageId(),
                    (System.nanoTime() - started) / 1_000_000, launch.record().ports());
        } catch (LaunchException e) {
            fail(launch, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(launch, "launch interrupted: the portal was shutting down");
        } catch (RuntimeException e) {
            log.warn("Local instance {} failed to start", computeId, e);
            fail(launch, e.toString());
        }
    }

    void stop(String computeId) {
        store.load(computeId).ifPresent(record -> {
            long started = System.nanoTime();
            end(record);
            store.save(record.cleared().withDesired(InstanceRecord.Desired.STOPPED));
            log.info("Local instance {} stopped in {} ms", computeId, (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Processes first, then the user (userdel refuses a user with processes), then the folder with the home. */
    void delete(String computeId) {
        store.load(computeId).ifPresent(record -> {
            ProcessTree.terminate(record.processes(), ProcessTree.uidOf(record.user()), settings.stopGrace());
            // a failure here leaves the record, so the portal's retry of the delete finds the user again
            isolation.remove(record);
        });
        store.delete(computeId);
        log.info("Local instance {} deleted", computeId);
    }

    /** Nothing of the instance runs afterwards: its process families, then whatever else its user still runs. */
    private void end(InstanceRecord record) {
        ProcessTree.terminate(record.processes(), ProcessTree.uidOf(record.user()), settings.stopGrace());
        isolation.endStragglers(record);
    }

    /** Running as asked: launched without a fault, and every essential process still alive. */
    static boolean isHealthy(InstanceRecord record) {
        return record.desired() == InstanceRecord.Desired.RUNNING && record.fault() == null
                && !record.processes().isEmpty()
                && record.processes().stream().filter(ProcessRecord::essential).allMatch(ProcessTree::isAlive);
    }

    private void fail(Launch launch, String reason) {
        log.warn("Local instance {} could not start: {}", launch.record().computeId(), reason);
        end(launch.record());
        store.save(launch.record().cleared().withFault(reason));
    }
}
