package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LifecycleTest extends LocalProviderTestSupport {

    @Test
    void stopEndsTheProcessesAndStartBringsThemBack() {
        CloudProvider provider = provider();
        String computeId = provider.compute().create(request("desktop", "uid-stop", newSecret())).computeId();
        awaitState(provider, computeId, CloudState.RUNNING);
        // RUNNING waits for the essential processes only; the window manager and the xterm may still be starting
        Set<ProcessHandle> before = await().atMost(Duration.ofSeconds(30)).until(() -> family(computeId),
                family -> family.size() >= 4);

        provider.compute().stop(computeId);

        assertThat(before).noneMatch(ProcessTree::isRunning);
        CloudInstance stopped = provider.compute().get(computeId).orElseThrow();
        assertThat(stopped.state()).isEqualTo(CloudState.STOPPED);
        assertThat(provider.network().endpoint(stopped, 5901)).isEmpty();

        provider.compute().start(computeId);
        CloudInstance running = awaitState(provider, computeId, CloudState.RUNNING);
        Endpoint vnc = provider.network().endpoint(running, 5901).orElseThrow();
        assertThat(accepts(vnc.host(), vnc.port())).isTrue();
        assertThat(processes(computeId)).allMatch(ProcessTree::isAlive);
    }

    @Test
    void theWatcherHearsOfALaunchTheMomentItRuns() {
        CloudProvider provider = provider();
        java.util.Map<String, CloudState> heard = new java.util.concurrent.ConcurrentHashMap<>();
        provider.watchStates(id -> heard.put(id, provider.compute().get(id).orElseThrow().state()));

        String computeId = provider.compute().create(request("desktop", "uid-watch", newSecret())).computeId();

        org.awaitility.Awaitility.await().atMost(LAUNCH).until(() -> heard.containsKey(computeId));
        assertThat(heard.get(computeId)).as("the state when the watcher was told").isEqualTo(CloudState.RUNNING);
        provider.compute().delete(computeId);
    }

    @Test
    void rebootRestartsWithNewProcesses() {
        CloudProvider provider = provider();
        String computeId = provider.compute().create(request("desktop", "uid-reboot", newSecret())).computeId();
        awaitState(provider, computeId, CloudState.RUNNING);
        List<ProcessRecord> before = processes(computeId);

        provider.compute().reboot(computeId);
        assertThat(provider.compute().get(computeId).orElseThrow().state())
                .isIn(CloudState.REBOOTING, CloudState.RUNNING);
        CloudInstance running = awaitState(provider, computeId, CloudState.RUNNING);

        assertThat(before).noneMatch(ProcessTree::isAlive);
        List<ProcessRecord> after = processes(computeId);
        assertThat(after).hasSize(3).allMatch(ProcessTree::isAlive); // Xvnc, openbox, xterm
        assertThat(after).extracting(ProcessRecord::pid).doesNotContainAnyElementsOf(
                before.stream().map(ProcessRecord::pid).toList());
        Endpoint vnc = provider.network().endpoint(running, 5901).orElseThrow();
        assertThat(accepts(vnc.host(), vnc.port())).isTrue();
    }

    @Test
    void deleteLeavesNoProcessAndNoFolderBehind() {
        CloudProvider provider = provider();
        String computeId = provider.compute().create(request("desktop", "uid-delete", newSecret())).computeId();
        awaitState(provider, computeId, CloudState.RUNNING);
        Set<ProcessHandle> family = family(computeId);
        Path folder = new InstanceStore(workDir).paths(computeId).root();
        assertThat(folder).isDirectory();

        provider.compute().delete(computeId);

        assertThat(family).noneMatch(ProcessTree::isRunning);
        assertThat(folder).doesNotExist();
        assertThat(provider.compute().get(computeId)).isEmpty();
        assertThat(provider.compute().list()).isEmpty();
        provider.compute().delete(computeId); // already gone: a no-op
    }

    @Test
    void deleteDuringTheLaunchWaitsForItAndCleansUp() {
        CloudProvider provider = provider();
        String computeId = provider.compute().create(request("desktop", "uid-early", newSecret())).computeId();

        provider.compute().delete(computeId);

        assertThat(provider.compute().get(computeId)).isEmpty();
        assertThat(new InstanceStore(workDir).paths(computeId).root()).doesNotExist();
    }

    /** Every process of the instance, children included, as the kernel sees them now. */
    private Set<ProcessHandle> family(String computeId) {
        return ProcessTree.family(processes(computeId)).stream().collect(Collectors.toSet());
    }
}
