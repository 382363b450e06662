package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.Tags;
import tools.jackson.databind.JsonNode;

/** The JSON mapping against answers recorded from Debian's slurmrestd 22.05 (OpenAPI v0.0.38). */
class RecordedAnswersTest {

    /** A moment between the jobs' submission and the pending job's expected start. */
    private static final Instant NOW = Instant.ofEpochSecond(1796530740);
    private final JobStates states = new JobStates(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void runningJobWithReportedPortIsRunningOnItsNode() {
        SlurmJob job = Fixtures.job("v0.0.38/job-running.json");
        assertThat(job.id()).isEqualTo("1");
        assertThat(job.name()).isEqualTo("vantage-uid-a");
        assertThat(job.state()).isEqualTo("RUNNING");
        assertThat(job.batchHost()).isEqualTo("localhost");
        assertThat(job.user()).isEqualTo("vantage-jobs");
        assertThat(job.timeLimitMinutes()).isEqualTo(30);
        assertThat(job.submitTime()).isEqualTo(Instant.ofEpochSecond(1796530722));
        assertThat(job.endTime()).isEqualTo(Instant.ofEpochSecond(1796532524));
        assertThat(job.exit()).isNull();
        assertThat(Resources.tres(job.tres())).isEqualTo(new Resources.Request(2, 512, 0));

        CloudInstance instance = states.of(job, Queue.UNKNOWN, Optional.of("127.0.0.1"));
        assertThat(instance.state()).isEqualTo(CloudState.RUNNING);
        assertThat(instance.tags()).containsEntry(Tags.DEPLOYMENT, "d-1").containsEntry(Tags.INSTANCE, "uid-a")
                .containsEntry(Tags.OWNER, "1001");
        assertThat(instance.detail()).isEqualTo("Running on node localhost; Slurm ends it at 2026-12-06 04:48 UTC "
                + "(its time limit)");
        assertThat(new SlurmNetwork().endpoint(instance, 5901)).contains(new Endpoint("127.0.0.1", 41234));
        assertThat(new SlurmNetwork().endpoint(instance, 8888)).isEmpty();
    }

    @Test
    void pendingJobShowsItsPlaceReasonAndExpectedStart() {
        JsonNode all = Fixtures.answer("v0.0.38/jobs.json");
        List<SlurmJob> jobs = all.path("jobs").valueStream().map(SlurmJob::of).toList();
        assertThat(jobs).extracting(SlurmJob::state).containsExactly("RUNNING", "PENDING", "PENDING");
        Queue queue = Queue.of(jobs);

        CloudInstance second = states.of(Fixtures.job("v0.0.38/job-pending.json"), queue, Optional.of("127.0.0.1"));
        assertThat(second.state()).isEqualTo(CloudState.BUILDING);
        assertThat(second.addresses()).as("no node yet").isEmpty();
        assertThat(second.detail()).isEqualTo("Waiting in Slurm's queue: 1st of 2 waiting in partition debug. "
                + "Slurm's reason: Resources (the nodes it needs are busy). Expected start: 2026-12-06 04:48 UTC "
                + "(in 30 min).");
        CloudInstance third = states.of(jobs.get(2), queue, Optional.empty());
        assertThat(third.detail()).startsWith("Waiting in Slurm's queue: 2nd of 2 waiting in partition debug.")
                .contains("Slurm's reason: Priority (jobs with a higher priority are ahead of it).");
    }

    @Test
    void failedJobIsAnErrorWithWhatTheJobReported() {
        SlurmJob job = Fixtures.job("v0.0.38/job-failed.json");
        assertThat(job.exit()).as("raw wait status 256").isEqualTo("exit code 1");
        CloudInstance instance = states.of(job, Queue.UNKNOWN, Optional.empty());
        assertThat(instance.state()).isEqualTo(CloudState.ERROR);
        assertThat(instance.fault()).isEqualTo("The job failed (exit code 1) at 2026-12-06 04:18 UTC (Slurm's "
                + "reason: NonZeroExitCode): Xvfb did not start: (EE) no screens found");
    }

    @Test
    void cancelledJobIsDeleted() {
        SlurmJob job = Fixtures.job("v0.0.38/job-cancelled.json");
        assertThat(job.exit()).as("raw wait status 15: SIGTERM").isEqualTo("signal 15");
        CloudInstance instance = states.of(job, Queue.UNKNOWN, Optional.empty());
        assertThat(instance.state()).isEqualTo(CloudState.DELETED);
        assertThat(instance.fault()).isNull();
        assertThat(instance.detail()).isEqualTo("The job was cancelled at 2026-12-06 04:18 UTC");
    }

    @Test
    void nodesSubmitAndPing() {
        Nodes.Node node = Nodes.of(Fixtures.answer("v0.0.38/nodes.json").path("nodes").get(0));
        assertThat(node).isEqualTo(new Nodes.Node("localhost", "127.0.0.1", java.util.Set.of("debug", "short"), 2,
                4096, 0, true));
        assertThat(ApiDialect.submittedJobId(Fixtures.answer("v0.0.38/submit.json"))).hasValue(1);
        assertThat(Fixtures.answer("v0.0.38/ping.json").path("pings").get(0).path("ping").asString()).isEqualTo("UP");
    }
}
