package io.vantage.etl.run;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import io.vantage.domain.etl.EtlRun.Mode;
import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.load.EntityCounts;

/**
 * {@code vantage.etl.rows} (entity, outcome) and {@code vantage.etl.duration} (mode, outcome), when there's a
 * registry.
 */
final class EtlMetrics {

    private final MeterRegistry registry;

    EtlMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(RunResult result) {
        if (registry == null) {
            return;
        }
        registry.timer("vantage.etl.duration", "mode", result.mode().name(), "outcome", result.outcome().name())
                .record(result.duration().toNanos(), TimeUnit.NANOSECONDS);
        // a dry run or a rolled-back run changed no rows, so only committed runs count rows
        if (result.mode() == Mode.RUN && result.outcome() == Outcome.SUCCEEDED) {
            result.counts().forEach((entity, counts) -> rows(entity, counts));
        }
    }

    private void rows(String entity, EntityCounts counts) {
        count(entity, "inserted", counts.inserted());
        count(entity, "updated", counts.updated());
        count(entity, "unchanged", counts.unchanged());
        count(entity, "ended", counts.ended());
        count(entity, "rejected", counts.rejected());
    }

    private void count(String entity, String outcome, long amount) {
        registry.counter("vantage.etl.rows", "entity", entity, "outcome", outcome).increment(amount);
    }
}
