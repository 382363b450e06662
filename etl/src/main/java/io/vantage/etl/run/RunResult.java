package io.vantage.etl.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vantage.domain.etl.EtlRun.Mode;
import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.load.EntityCounts;
import io.vantage.etl.model.Problem;

/**
 * How a run ended.
 *
 * @param counts   per entity (and "groups"), in load order; empty when the run stopped before merging
 * @param problems the first problems (all are counted in errorCount)
 */
public record RunResult(long runId, String source, Mode mode, Outcome outcome, Map<String, EntityCounts> counts,
                        long errorCount, List<Problem> problems, String message, Duration duration) {

    /** 0 succeeded, 1 failed (source unreachable, configuration, database), 2 aborted on data problems. */
    public int exitCode() {
        return switch (outcome) {
            case SUCCEEDED -> 0;
            case ABORTED -> 2;
            default -> 1;
        };
    }

    public boolean changedSomething() {
        return counts.values().stream().anyMatch(EntityCounts::changedSomething);
    }
}
