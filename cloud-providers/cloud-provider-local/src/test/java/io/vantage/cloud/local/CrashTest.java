package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CrashTest extends LocalProviderTestSupport {

    @Test
    void aDeadEssentialProcessIsAnErrorWithItsReasonAndRebootRepairsIt() {
        CloudProvider provider = provider();
        String computeId = provider.compute().create(request("desktop", "uid-crash", newSecret())).computeId();
        awaitState(provider, computeId, CloudState.RUNNING);

        // closing the terminal is something a user does: the desktop stays usable
        kill(computeId, "xterm");
        assertThat(provider.compute().get(computeId).orElseThrow().state()).isEqualTo(CloudState.RUNNING);

        kill(computeId, "xvnc");
        CloudInstance broken = awaitState(provider, computeId, CloudState.ERROR);
        assertThat(broken.fault()).startsWith("xvnc (pid ").contains("exited");

        provider.compute().reboot(computeId);
        awaitState(provider, computeId, CloudState.RUNNING);
        assertThat(processes(computeId)).extracting(ProcessRecord::role).contains("xterm", "xvnc");
    }

    private void kill(String computeId, String role) {
        ProcessHandle handle = processes(computeId).stream().filter(process -> process.role().equals(role))
                .findFirst().flatMap(ProcessTree::find).orElseThrow();
        handle.destroyForcibly();
        await().until(() -> !ProcessTree.isRunning(handle));
    }
}
