package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;

/**
 * A full node: the first job takes every CPU, so the next ones wait, and the person sees where they stand, why, and
 * when Slurm expects to start them; when the first ends, the next one runs.
 */
class QueueIT {

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
    void jobsWaitingForAFullNodeShowTheirPlaceReasonAndExpectedStartThenRun() {
        TestSettings settings = TestSettings.against(cluster);
        settings.timeLimit = Duration.ofMinutes(30); // gives the scheduler an end to plan the next start from
        provider = cluster.provider(settings.build(), deployment);
        Compute compute = provider.compute();

        String whole = compute.create(Requests.of(deployment, "desktop", "whole")).computeId();
        Jobs.await(compute, whole, CloudState.RUNNING);
        String second = compute.create(Requests.of(deployment, "desktop", "small")).computeId();
        String third = compute.create(Requests.of(deployment, "desktop", "small")).computeId();

        // Slurm's main scheduler sets the reason and its backfill scheduler the start estimate, each on its own cycle
        CloudInstance waiting = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> compute.get(second).orElseThrow(), instance -> instance.detail() != null
                        && instance.detail().contains("Expected start") && instance.detail().contains("reason"));
        assertThat(waiting.state()).isEqualTo(CloudState.BUILDING);
        assertThat(waiting.addresses()).isEmpty();
        assertThat(waiting.detail()).startsWith("Waiting in Slurm's queue: 1st of 2 waiting in partition debug.")
                .contains("Slurm's reason: Resources (the nodes it needs are busy).")
                .containsPattern("Expected start: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(in (29|30) min\\)");
        assertThat(compute.get(third).orElseThrow().detail()).contains("2nd of 2 waiting");
        assertThat(provider.network().endpoint(waiting, 5901)).isEmpty();

        // the portal's capacity check sees the cluster's size and this deployment's own jobs, waiting ones included
        CloudLimits limits = provider.limits().limits();
        assertThat(limits.maxVcpu()).isEqualTo(cluster.cpus());
        assertThat(limits.usedVcpu()).isEqualTo(cluster.cpus() + 2);
        assertThat(limits.usedInstances()).isEqualTo(3);
        assertThat(limits.usedMemoryMib()).isEqualTo(1024 + 2 * 512);

        compute.delete(whole);
        Jobs.await(compute, second, CloudState.RUNNING);
        Jobs.await(compute, third, CloudState.RUNNING);
    }
}
