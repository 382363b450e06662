package io.vantage.bench.plugin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.cloud.api.DataMount;

/**
 * A cloud that boots machines in {@code bootTime}: a machine says BUILDING until that long after its create (the
 * local provider's record of when it was made), then what the local provider says. The portal neither probes nor
 * connects to a machine that is not RUNNING, so until then it sees exactly what a slow cloud shows it; afterwards the
 * machine's ports answer with a real desktop.
 */
final class SlowBootCompute implements Compute {

    private final Compute local;
    private final Duration bootTime;
    private final Clock clock;

    SlowBootCompute(Compute local, Duration bootTime, Clock clock) {
        this.local = local;
        this.bootTime = bootTime;
        this.clock = clock;
    }

    private CloudInstance booting(CloudInstance machine) {
        boolean early = machine.createdAt() != null
                && clock.instant().isBefore(machine.createdAt().plus(bootTime));
        boolean upOrComing = machine.state() == CloudState.RUNNING || machine.state() == CloudState.STARTING;
        return early && upOrComing ? machine.withState(CloudState.BUILDING, null) : machine;
    }

    @Override
    public CloudInstance create(CreateInstanceRequest request) {
        return booting(local.create(request));
    }

    @Override
    public Optional<CloudInstance> get(String computeId) {
        return local.get(computeId).map(this::booting);
    }

    @Override
    public List<CloudInstance> list() {
        return local.list().stream().map(this::booting).toList();
    }

    @Override
    public Optional<CloudInstance> findByInstanceUid(String instanceUid) {
        return local.findByInstanceUid(instanceUid).map(this::booting);
    }

    @Override
    public void start(String computeId) {
        local.start(computeId);
    }

    @Override
    public void stop(String computeId) {
        local.stop(computeId);
    }

    @Override
    public void reboot(String computeId) {
        local.reboot(computeId);
    }

    @Override
    public void delete(String computeId) {
        local.delete(computeId);
    }

    @Override
    public DataAttachment applyDataMounts(String computeId, List<DataMount> mounts) {
        return local.applyDataMounts(computeId, mounts);
    }

    @Override
    public boolean requiresStopBeforeDelete() {
        return local.requiresStopBeforeDelete();
    }
}
