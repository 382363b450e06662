package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;

import java.util.List;
import java.util.Optional;

/**
 * How an instance looks to the portal. A request in progress shows its transitional state; otherwise the state
 * comes from what was asked and which processes live. A dead essential process is ERROR (not STOPPED) with the
 * process and its last log line as the fault: nobody asked it to stop, and a reboot or delete is the way out.
 */
final class InstanceView {

    private final LocalSettings settings;
    private final InstanceStore store;
    private final OperationQueue queue;

    InstanceView(LocalSettings settings, InstanceStore store, OperationQueue queue) {
        this.settings = settings;
        this.store = store;
        this.queue = queue;
    }

    CloudInstance of(InstanceRecord record) {
        Optional<CloudState> transitional = queue.showing(record.computeId());
        CloudState state;
        String fault = null;
        if (transitional.isPresent()) {
            state = transitional.get();
        } else if (record.desired() == InstanceRecord.Desired.STOPPED) {
            state = CloudState.STOPPED;
        } else {
            fault = fault(record);
            state = fault == null ? CloudState.RUNNING : CloudState.ERROR;
        }
        return new CloudInstance(record.computeId(), record.name(), state, fault, List.of(settings.connectHost()),
                record.tags(), record.createdAt());
    }

    private String fault(InstanceRecord record) {
        if (record.fault() != null) {
            return record.fault();
        }
        if (record.processes().isEmpty()) {
            return "no process is running (the portal stopped during the launch?)";
        }
        return record.processes().stream()
                .filter(ProcessRecord::essential)
                .filter(process -> !ProcessTree.isAlive(process))
                .findFirst()
                .map(process -> process.role() + " (pid " + process.pid() + ") exited: "
                        + store.paths(record.computeId()).logTail(process.role()))
                .orElse(null);
    }
}
