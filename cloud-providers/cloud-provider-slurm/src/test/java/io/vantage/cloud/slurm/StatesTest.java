package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;

/** Job states the test cluster does not produce on demand, and the words of the details. */
class StatesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final JobStates states = new JobStates(Clock.fixed(NOW, ZoneOffset.UTC));

    private static SlurmJob job(String id, String state, String reason, long priority, Instant submitted) {
        return new SlurmJob(id, "vantage-u" + id, "vantage-deployment=d;vantage-instance=u" + id, "vantage", state,
                reason, null, "debug", "node-1", submitted, null, NOW.plusSeconds(3600), 60, priority, null, null);
    }

    private CloudInstance of(SlurmJob job) {
        return states.of(job, Queue.of(List.of(job)), Optional.of("10.0.0.1"));
    }

    @Test
    void aJobSlurmWillNeverStartIsAnErrorNotASilentWait() {
        CloudInstance instance = of(job("1", "PENDING", "PartitionTimeLimit", 1, NOW));
        assertThat(instance.state()).isEqualTo(CloudState.ERROR);
        assertThat(instance.fault()).startsWith("Slurm will never start this job: Waiting in Slurm's queue")
                .contains("PartitionTimeLimit (its time limit is above the partition's maximum)")
                .endsWith("Slurm has no start estimate yet.");
    }

    @Test
    void runningWithoutAReportedPortIsStillStarting() {
        CloudInstance instance = of(job("1", "RUNNING", "None", 1, NOW));
        assertThat(instance.state()).isEqualTo(CloudState.STARTING);
        assertThat(instance.addresses()).containsExactly("10.0.0.1");
        assertThat(instance.detail()).isEqualTo("Running on node node-1 since an unknown time; its server is "
                + "starting");
    }

    @Test
    void endedStates() {
        assertThat(of(job("1", "TIMEOUT", "TimeLimit", 1, NOW)))
                .extracting(CloudInstance::state, CloudInstance::detail)
                .containsExactly(CloudState.DELETED, "The job reached its time limit at 2026-12-06 11:00 UTC");
        assertThat(of(job("1", "NODE_FAIL", "NodeDown", 1, NOW)))
                .extracting(CloudInstance::state, CloudInstance::fault)
                .containsExactly(CloudState.ERROR, "Its node failed at 2026-12-06 11:00 UTC (Slurm's reason: "
                        + "NodeDown)");
        assertThat(of(job("1", "OUT_OF_MEMORY", null, 1, NOW)).fault()).startsWith("It ran out of memory");
        assertThat(of(job("1", "PREEMPTED", null, 1, NOW)).state()).isEqualTo(CloudState.ERROR);
        assertThat(of(job("1", "COMPLETING", null, 1, NOW)).state()).isEqualTo(CloudState.DELETING);
        assertThat(of(job("1", "SUSPENDED", "None", 1, NOW)).state()).isEqualTo(CloudState.STOPPED);
        assertThat(of(job("1", "CONFIGURING", "None", 1, NOW)).state()).isEqualTo(CloudState.STARTING);
    }

    @Test
    void queueOrderIsPriorityThenAgeWithinThePartition() {
        SlurmJob old = job("7", "PENDING", "Priority", 10, NOW.minusSeconds(600));
        SlurmJob urgent = job("9", "PENDING", "Priority", 50, NOW);
        SlurmJob young = job("8", "PENDING", "Priority", 10, NOW.minusSeconds(60));
        SlurmJob running = job("5", "RUNNING", "None", 99, NOW);
        Queue queue = Queue.of(List.of(old, urgent, young, running));
        assertThat(queue.place(urgent)).contains(new Queue.Place(1, 3));
        assertThat(queue.place(old)).contains(new Queue.Place(2, 3));
        assertThat(queue.place(young)).contains(new Queue.Place(3, 3));
        assertThat(queue.place(running)).isEmpty();
    }

    @Test
    void wordsOfTheDetail() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111).stream().map(JobStates::ordinal))
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th");
        assertThat(JobStates.human(Duration.ofSeconds(30))).isEqualTo("1 min");
        assertThat(JobStates.human(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(JobStates.human(Duration.ofDays(3))).isEqualTo("3 days");
    }
}
