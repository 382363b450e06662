package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.Endpoint;

/** A desktop as a real Slurm job: submitted, running Xvfb + x11vnc on the node, reached over VNC, cancelled. */
class DesktopJobIT {

    private static SlurmCluster cluster;
    private final String deployment = "it-" + UUID.randomUUID();
    private CloudProvider provider;

    @BeforeAll
    static void cluster() {
        cluster = SlurmCluster.require();
    }

    @AfterEach
    void cancelLeftovers() {
        if (provider != null) {
            provider.compute().list().forEach(job -> provider.compute().delete(job.computeId()));
        }
    }

    @Test
    void desktopJobServesVncWithTheInstanceSecretAndDeleteCancelsIt() throws Exception {
        provider = cluster.provider(TestSettings.against(cluster).build(), deployment);
        Compute compute = provider.compute();
        CreateInstanceRequest request = Requests.of(deployment, "desktop", "small");

        CloudInstance created = compute.create(request);
        assertThat(created.state()).isIn(CloudState.BUILDING, CloudState.STARTING, CloudState.RUNNING);
        assertThat(created.instanceUid()).contains(request.metadata().instanceUid());
        assertThat(cluster.squeue(created.computeId())).contains(cluster.user(), "vantage-" +
                request.metadata().instanceUid());

        CloudInstance running = Jobs.await(compute, created.computeId(), CloudState.RUNNING);
        assertThat(running.detail()).startsWith("Running on node localhost; Slurm ends it at");
        Endpoint vnc = provider.network().endpoint(running, 5901).orElseThrow();
        assertThat(vnc.host()).isEqualTo("127.0.0.1");
        assertThat(vnc.port()).isNotEqualTo(5901).isGreaterThanOrEqualTo(1024);
        assertThat(provider.network().endpoint(running, 8888)).isEmpty();

        VncProbe.Result wrong = VncProbe.connect(vnc, "not-the-secret");
        assertThat(wrong.greeting()).startsWith("RFB 003.");
        assertThat(wrong.authenticated()).isFalse();
        VncProbe.Result right = VncProbe.connect(vnc, request.metadata().secret());
        assertThat(right.authenticated()).isTrue();
        assertThat(right.width()).isEqualTo(1024);
        assertThat(right.height()).isEqualTo(768);

        compute.delete(created.computeId());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                compute.get(created.computeId()).map(CloudInstance::state).orElse(CloudState.DELETED)
                        == CloudState.DELETED);
        assertThat(compute.get(created.computeId()).map(CloudInstance::detail).orElse("gone"))
                .matches("gone|The job was cancelled.*");
        assertThat(compute.list()).extracting(CloudInstance::computeId).doesNotContain(created.computeId());
        // nothing left behind on the node: x11vnc is gone with the job
        await().atMost(Duration.ofSeconds(30)).until(() -> !accepts(vnc));
        compute.delete(created.computeId()); // again: a no-op
    }

    static boolean accepts(Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
