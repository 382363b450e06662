package io.vantage.cloud.slurm;

import java.util.Map;

/**
 * One job to submit, before {@link ApiDialect} gives it the shape of an API version. Null fields are left to Slurm.
 *
 * @param environment the job's whole environment (Slurm's REST API passes nothing of slurmrestd's own)
 */
record JobSpec(String name, String comment, String script, String partition, String qos, String account,
               Integer cpus, Integer memoryMib, String gres, Integer timeLimitMinutes, String constraints,
               String reservation, String workDir, String standardOutput, Map<String, String> environment) {

    JobSpec {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    @Override
    public String toString() {
        // the environment carries the instance's secret
        return "JobSpec[name=" + name + ", partition=" + partition + ", qos=" + qos + ", account=" + account
                + ", cpus=" + cpus + ", memoryMib=" + memoryMib + ", gres=" + gres + ", timeLimitMinutes="
                + timeLimitMinutes + "]";
    }
}
