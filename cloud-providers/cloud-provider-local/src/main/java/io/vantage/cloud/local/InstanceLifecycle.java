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

    InstanceLifecycle(InstanceStore store, LocalCatalogue catalogue, LocalSettings settings, ProcessStarter starter) {
        this.store = store;
        this.catalogue = catalogue;
        this.settings = settings;
        this.starter = starter;
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
        ProcessTree.terminate(record.processes(), settings.stopGrace());
        Launch launch = new Launch(record.cleared().withDesired(InstanceRecord.Desired.RUNNING), store, settings,
                starter, superseded);
        store.save(launch.record());
        try {
            Launcher launcher = catalogue.launcher(record.imageId())
                    .orElseThrow(() -> new LaunchException("unknown image " + record.imageId()));
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
            ProcessTree.terminate(record.processes(), settings.stopGrace());
            store.save(record.cleared().withDesired(InstanceRecord.Desired.STOPPED));
            log.info("Local instance {} stopped in {} ms", computeId, (System.nanoTime() - started) / 1_000_000);
        });
    }

    void delete(String computeId) {
        store.load(computeId).ifPresent(record -> ProcessTree.terminate(record.processes(), settings.stopGrace()));
        store.delete(computeId);
        log.info("Local instance {} deleted", computeId);
    }

    /** Running as asked: launched without a fault, and every essential process still alive. */
    static boolean isHealthy(InstanceRecord record) {
        return record.desired() == InstanceRecord.Desired.RUNNING && record.fault() == null
                && !record.processes().isEmpty()
                && record.processes().stream().filter(ProcessRecord::essential).allMatch(ProcessTree::isAlive);
    }

    private void fail(Launch launch, String reason) {
        log.warn("Local instance {} could not start: {}", launch.record().computeId(), reason);
        ProcessTree.terminate(launch.record().processes(), settings.stopGrace());
        store.save(launch.record().cleared().withFault(reason));
    }
}
