package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import tools.jackson.databind.JsonNode;

/** What differs between API versions: paths, submit and update bodies, and the shapes of answers. */
class DialectTest {

    private static final JobSpec SPEC = new JobSpec("vantage-u1", "vantage-deployment=d", "#!/bin/bash\n", "gpu",
            null, "p4711", 4, 16384, "gpu:a100:1", 90, null, null, "/tmp", "/tmp/vantage-%u-%j.out",
            new LinkedHashMap<>(Map.of("PATH", "/usr/bin")));

    @Test
    void v0038WritesPlainNumbersAnEnvironmentObjectAndGres() {
        ApiDialect dialect = ApiDialect.of("v0.0.38");
        assertThat(dialect.submit()).isEqualTo("/slurm/v0.0.38/job/submit");
        assertThat(dialect.job("42")).isEqualTo("/slurm/v0.0.38/job/42");
        assertThat(dialect.submitBody(SPEC).toString()).isEqualTo("{\"script\":\"#!/bin/bash\\n\",\"job\":{"
                + "\"name\":\"vantage-u1\",\"comment\":\"vantage-deployment=d\",\"partition\":\"gpu\","
                + "\"account\":\"p4711\",\"tasks\":1,\"cpus_per_task\":4,\"memory_per_node\":16384,"
                + "\"gres\":\"gpu:a100:1\",\"time_limit\":90,\"requeue\":false,"
                + "\"current_working_directory\":\"/tmp\",\"standard_output\":\"/tmp/vantage-%u-%j.out\","
                + "\"environment\":{\"PATH\":\"/usr/bin\"}}}");
        assertThat(dialect.timeLimitBody(45).toString()).isEqualTo("{\"time_limit\":45}");
    }

    @Test
    void laterVersionsWriteNumberObjectsEnvironmentListsAndTresPerNode() {
        JsonNode v40 = ApiDialect.of("v0.0.40").submitBody(SPEC);
        assertThat(v40.path("job").path("time_limit").toString())
                .isEqualTo("{\"set\":true,\"infinite\":false,\"number\":90}");
        assertThat(v40.path("job").path("memory_per_node").path("number").asInt()).isEqualTo(16384);
        assertThat(v40.path("job").path("environment").toString()).isEqualTo("[\"PATH=/usr/bin\"]");
        assertThat(v40.path("job").path("tres_per_node").asString()).isEqualTo("gres/gpu:a100:1");
        assertThat(v40.path("job").has("gres")).isFalse();
        assertThat(v40.path("script").asString()).isEqualTo("#!/bin/bash\n");

        JsonNode v41 = ApiDialect.of("v0.0.41").submitBody(SPEC);
        assertThat(v41.has("script")).isFalse();
        assertThat(v41.path("job").path("script").asString()).isEqualTo("#!/bin/bash\n");
        assertThat(ApiDialect.of("v0.0.41").jobs()).isEqualTo("/slurm/v0.0.41/jobs");
    }

    @Test
    void onlyKnownVersionShapesAreAccepted() {
        assertThatThrownBy(() -> ApiDialect.of("v0.0.37")).hasMessageContaining("from v0.0.38 on");
        assertThatThrownBy(() -> ApiDialect.of("0.0.38")).hasMessageContaining("was '0.0.38'");
        assertThatThrownBy(() -> ApiDialect.of("v0.0.38/../../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void v0040AnswersReadLikeV0038Ones() {
        SlurmJob pending = Fixtures.job("v0.0.40/job-pending.json");
        assertThat(pending.state()).isEqualTo("PENDING");
        assertThat(pending.priority()).isEqualTo(1200);
        assertThat(pending.startTime()).isEqualTo(Instant.ofEpochSecond(1796532524));
        assertThat(pending.timeLimitMinutes()).isEqualTo(30);
        assertThat(pending.batchHost()).isNull();
        assertThat(Resources.tres(pending.tres())).isEqualTo(new Resources.Request(4, 16384, 1));
        CloudInstance instance = new JobStates(Clock.fixed(Instant.ofEpochSecond(1796530740), ZoneOffset.UTC))
                .of(pending, Queue.of(java.util.List.of(pending)), Optional.empty());
        assertThat(instance.detail()).startsWith("Waiting in Slurm's queue: 1st of 1 waiting in partition "
                + "interactive. Slurm's reason: Priority");

        SlurmJob failed = Fixtures.job("v0.0.40/job-failed.json");
        assertThat(failed.exit()).isEqualTo("signal 9");
        assertThat(failed.timeLimitMinutes()).as("infinite").isNull();
        assertThat(new JobStates(Clock.systemUTC()).of(failed, Queue.UNKNOWN, Optional.empty()))
                .extracting(CloudInstance::state, CloudInstance::fault)
                .containsExactly(CloudState.ERROR, "The job failed (signal 9) at 2026-12-06 04:19 UTC (Slurm's reason: "
                        + "NonZeroExitCode): jupyter-notebook exited: Killed");

        assertThat(ApiDialect.submittedJobId(Fixtures.answer("v0.0.40/submit.json"))).hasValue(812);
        var nodes = Fixtures.answer("v0.0.40/nodes.json").path("nodes");
        assertThat(Nodes.of(nodes.get(0))).isEqualTo(new Nodes.Node("gpu-07", "10.1.7.7",
                java.util.Set.of("interactive"), 64, 515000, 4, true));
        assertThat(Nodes.of(nodes.get(1)).usable()).as("drained").isFalse();
    }
}
