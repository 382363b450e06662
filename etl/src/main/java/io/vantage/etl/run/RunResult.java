package io.vantage.etl.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vantage.domain.etl.EtlRun.Mode;
import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.load.EntityCounts;
import io.vantage.etl.model.Problem;

/**
 * How a run ended.
 *
 * @param counts   per entity, in load order; empty when the run stopped before merging. A run that stopped for
 *                 confirmation has the counts it would have had
 * @param problems the kept problems, fatal first (all are counted in errorCount)
 */
public record RunResult(long runId, String source, Mode mode, Policy policy, Outcome outcome,
                        Map<String, EntityCounts> counts, long errorCount, List<Problem> problems, String message,
                        Duration duration) {

    /** Exit codes of the command: 0 succeeded, 1 failed, 2 aborted on data problems, 3 waits for confirmation. */
    public int exitCode() {
        return switch (outcome) {
            case SUCCEEDED -> 0;
            case ABORTED -> 2;
            case NEEDS_CONFIRMATION -> 3;
            default -> 1;
        };
    }

    public boolean changedSomething() {
        return counts.values().stream().anyMatch(EntityCounts::changedSomething);
    }

    /** Rows with problems that were skipped (a run that succeeded with them is shown in amber). */
    public long skippedRows() {
        return counts.values().stream().mapToLong(EntityCounts::rejected).sum();
    }
}
