package io.vantage.cloud.slurm;


import java.time.Duration;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;

/** Waits on jobs, failing at once (with the provider's reason) when a job ends instead of reaching the state. */
final class Jobs {

    private Jobs() {
    }

    static CloudInstance await(Compute compute, String jobId, CloudState wanted) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    CloudInstance job = compute.get(jobId).orElseThrow(() ->
                            new AssertionError("Slurm job " + jobId + " vanished"));
                    boolean over = job.state() == CloudState.ERROR || job.state() == CloudState.DELETED;
                    if (over && job.state() != wanted) {
                        throw new AssertionError("Slurm job " + jobId + " is " + job.state() + ", not " + wanted
                                + ": " + job.fault() + " / " + job.detail());
                    }
                    return job;
                }, job -> job.state() == wanted);
    }
}
