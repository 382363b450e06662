package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.Endpoint;

/** What happens outside the happy path, on the real cluster: restarts, kills, lost answers, failing jobs. */
class FaultsIT {

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
    void runningJobAndItsReportedStateSurviveAControllerRestart() throws Exception {
        provider = cluster.provider(TestSettings.against(cluster).build(), deployment);
        Compute compute = provider.compute();
        CreateInstanceRequest request = Requests.of(deployment, "desktop", "small");
        String jobId = compute.create(request).computeId();
        CloudInstance before = Jobs.await(compute, jobId, CloudState.RUNNING);
        Endpoint vnc = provider.network().endpoint(before, 5901).orElseThrow();

        cluster.restartController();

        CloudInstance after = await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(
                CloudTransientException.class).until(() -> compute.get(jobId).orElseThrow(), instance -> true);
        assertThat(after.state()).isEqualTo(CloudState.RUNNING);
        assertThat(provider.network().endpoint(after, 5901)).contains(vnc);
        assertThat(VncProbe.connect(vnc, request.metadata().secret()).authenticated()).isTrue();
        assertThat(provider.checkHealth().up()).isTrue();
    }

    @Test
    void jobCancelledOutsideThePortalIsReportedEnded() {
        provider = cluster.provider(TestSettings.against(cluster).build(), deployment);
        Compute compute = provider.compute();
        String jobId = compute.create(Requests.of(deployment, "desktop", "small")).computeId();
        Jobs.await(compute, jobId, CloudState.RUNNING);

        cluster.scancel(jobId);

        CloudInstance ended = Jobs.await(compute, jobId, CloudState.DELETED);
        assertThat(ended.detail()).startsWith("The job was cancelled at ");
        assertThat(compute.list()).extracting(CloudInstance::computeId).doesNotContain(jobId);
    }

    @Test
    void submitWhoseAnswerWasLostIsFoundByInstanceUidAndNotSubmittedTwice() throws Exception {
        try (LossyProxy proxy = new LossyProxy(cluster.url(), 1)) {
            TestSettings settings = TestSettings.against(cluster);
            settings.url = proxy.url();
            provider = cluster.provider(settings.build(), deployment);
            Compute compute = provider.compute();
            CreateInstanceRequest request = Requests.of(deployment, "desktop", "small");
            String uid = request.metadata().instanceUid();

            assertThatThrownBy(() -> compute.create(request)).isInstanceOf(CloudTransientException.class)
                    .hasMessageContaining("cannot reach slurmrestd");
            assertThat(cluster.jobsNamed("vantage-" + uid)).as("the job Slurm accepted").hasSize(1);

            CloudInstance found = compute.findByInstanceUid(uid).orElseThrow();
            assertThat(found.computeId()).isEqualTo(cluster.jobsNamed("vantage-" + uid).get(0));
            assertThat(found.instanceUid()).contains(uid);
            assertThat(compute.findByInstanceUid("someone-else")).isEmpty();

            CloudInstance retried = compute.create(request);
            assertThat(retried.computeId()).isEqualTo(found.computeId());
            assertThat(cluster.jobsNamed("vantage-" + uid)).hasSize(1);
        } finally {
            provider = cluster.provider(TestSettings.against(cluster).build(), deployment); // cleans up directly
        }
    }

    @Test
    void jobWhoseServerCannotStartEndsInErrorWithTheReason() {
        TestSettings settings = TestSettings.against(cluster);
        settings.images.put("broken", new SlurmSettings.Image("Broken", "desktop", "VANTAGE_SCREEN=0x0", Map.of(),
                null));
        provider = cluster.provider(settings.build(), deployment);
        Compute compute = provider.compute();
        String jobId = compute.create(Requests.of(deployment, "broken", "small")).computeId();

        CloudInstance failed = Jobs.await(compute, jobId, CloudState.ERROR);
        assertThat(failed.fault()).startsWith("The job failed (exit code 1) at ").contains(": Xvfb did not start");
        assertThat(compute.list()).extracting(CloudInstance::computeId).doesNotContain(jobId);
    }

    @Test
    void anotherDeploymentsJobsAreNeitherSeenNorCancelled() {
        provider = cluster.provider(TestSettings.against(cluster).build(), deployment);
        String jobId = provider.compute().create(Requests.of(deployment, "desktop", "small")).computeId();
        CloudProvider other = cluster.provider(TestSettings.against(cluster).build(), "it-other-" + UUID.randomUUID());

        assertThat(other.compute().get(jobId)).isEmpty();
        assertThat(other.compute().list()).isEmpty();
        other.compute().delete(jobId);

        assertThat(cluster.squeue(jobId)).matches("(PENDING|CONFIGURING|RUNNING) .*");
    }
}
