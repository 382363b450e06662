package io.vantage.cloud.slurm;

import java.time.Instant;
import java.util.OptionalLong;

import tools.jackson.databind.JsonNode;

/**
 * The fields of a job the provider reads, from any API version.
 *
 * @param state     base state: PENDING, RUNNING, COMPLETED, CANCELLED, FAILED, TIMEOUT, NODE_FAIL...
 * @param reason    Slurm's {@code state_reason} ({@code Resources}, {@code Priority}...), "None" when running
 * @param startTime for a pending job Slurm's expected start, when the scheduler has one
 * @param priority  higher runs first; 0 when unknown
 * @param tres      requested resources ({@code cpu=2,mem=4G,node=1,gres/gpu=1})
 * @param exit      how the batch script ended ({@code exit code 1}, {@code signal 9}), null while it runs or when
 *                  it exited with 0
 */
record SlurmJob(String id, String name, String comment, String user, String state, String reason,
                String description, String partition, String batchHost, Instant submitTime, Instant startTime,
                Instant endTime, Integer timeLimitMinutes, long priority, String tres, String exit) {

    static SlurmJob of(JsonNode job) {
        return new SlurmJob(Long.toString(job.path("job_id").asLong()), text(job, "name"), text(job, "comment"),
                text(job, "user_name"), ApiDialect.state(job.get("job_state")), text(job, "state_reason"),
                text(job, "state_description"), text(job, "partition"), batchHost(job),
                time(job.get("submit_time")), time(job.get("start_time")), time(job.get("end_time")),
                integer(ApiDialect.number(job.get("time_limit"))),
                ApiDialect.number(job.get("priority")).orElse(0), text(job, "tres_req_str"), exit(job));
    }

    boolean isPending() {
        return "PENDING".equals(state);
    }

    /** Ended for good: nothing runs and nothing will (a suspended job may still resume). */
    boolean hasEnded() {
        return switch (state) {
            case "COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL", "BOOT_FAIL", "OUT_OF_MEMORY",
                 "PREEMPTED", "DEADLINE", "REVOKED", "SPECIAL_EXIT" -> true;
            default -> false;
        };
    }

    /** The reason, unless Slurm says there is none. */
    String reasonIfAny() {
        return reason == null || reason.isBlank() || "None".equals(reason) ? null : reason;
    }

    /** The node running the batch script: where the desktop or notebook listens. */
    private static String batchHost(JsonNode job) {
        String host = text(job, "batch_host");
        if (host != null) {
            return host;
        }
        String nodes = text(job, "nodes");
        // one-node jobs: the node list is the node (a range such as n[1-2] would not be)
        return nodes != null && !nodes.contains("[") && !nodes.contains(",") ? nodes : null;
    }

    /**
     * v0.0.38 gives the raw wait status (exit code in the second byte, signal in the low bits); later versions an
     * object with {@code return_code} and {@code signal}.
     */
    private static String exit(JsonNode job) {
        JsonNode code = job.get("exit_code");
        long signal;
        long exit;
        if (code != null && code.isObject()) {
            signal = ApiDialect.number(code.path("signal").get("id")).orElse(0);
            exit = ApiDialect.number(code.get("return_code")).orElse(0);
        } else {
            long status = ApiDialect.number(code).orElse(0);
            signal = status & 0x7f;
            exit = (status >> 8) & 0xff;
        }
        return signal != 0 ? "signal " + signal : exit != 0 ? "exit code " + exit : null;
    }

    private static String text(JsonNode job, String field) {
        JsonNode node = job.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String value = node.asString();
        return value.isBlank() ? null : value;
    }

    /** Epoch seconds; 0 means "not known" to Slurm. */
    private static Instant time(JsonNode node) {
        OptionalLong seconds = ApiDialect.number(node);
        return seconds.isPresent() && seconds.getAsLong() > 0 ? Instant.ofEpochSecond(seconds.getAsLong()) : null;
    }

    private static Integer integer(OptionalLong value) {
        return value.isPresent() && value.getAsLong() >= 0 && value.getAsLong() < Integer.MAX_VALUE
                ? Integer.valueOf((int) value.getAsLong()) : null;
    }
}
