package io.vantage.etl.run;

import java.util.Map;

import io.vantage.domain.etl.EtlRun.Mode;
import io.vantage.etl.load.EntityCounts;
import io.vantage.etl.model.Problem;
import io.vantage.etl.validate.Problems;

/** The words a person reads at the end of a run: on the console and in etl_runs.message. */
public final class RunSummary {

    private static final int PROBLEMS_SHOWN = 20;

    private RunSummary() {
    }

    static String abortMessage(Problems problems, int maxErrors) {
        if (problems.hasFatal()) {
            return "Aborted: a source could not be read as a whole (" + problems.count()
                    + " problem(s)); nothing was changed.";
        }
        return "Aborted: " + problems.count() + " problem(s) found, more than the " + maxErrors
                + " tolerated (max-errors); nothing was changed.";
    }

    static String successMessage(Map<String, EntityCounts> counts, long problems, Mode mode) {
        String verb = mode == Mode.DRY_RUN ? "would have " : "";
        long inserted = 0;
        long updated = 0;
        long ended = 0;
        long unchanged = 0;
        for (EntityCounts c : counts.values()) {
            inserted += c.inserted();
            updated += c.updated();
            ended += c.ended();
            unchanged += c.unchanged();
        }
        String skipped = problems == 0 ? "" : " " + problems + " problem(s) tolerated: those rows were skipped.";
        String dry = mode == Mode.DRY_RUN ? "Dry run, nothing written: " : "";
        if (inserted + updated + ended == 0) {
            return dry + "Nothing changed: all " + unchanged + " rows were already up to date." + skipped;
        }
        return dry + verb + "inserted " + inserted + ", " + verb + "updated " + updated + ", " + verb + "ended "
                + ended + " rows; " + unchanged + " unchanged." + skipped;
    }

    /** A table of counts, the first problems and the outcome, for the console. */
    public static String render(RunResult result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nImport #%d from %s (%s): %s in %.1f s%n", result.runId(), result.source(),
                result.mode(), result.outcome(), result.duration().toMillis() / 1000.0));
        if (!result.counts().isEmpty()) {
            text.append(String.format("  %-22s %10s %10s %10s %10s %10s%n", "entity", "received", "inserted",
                    "updated", "unchanged", "ended"));
            result.counts().forEach((entity, c) -> text.append(String.format("  %-22s %,10d %,10d %,10d %,10d %,10d%n",
                    entity, c.received(), c.inserted(), c.updated(), c.unchanged(), c.ended())));
        }
        if (result.errorCount() > 0) {
            text.append(String.format("  %d problem(s)%s:%n", result.errorCount(),
                    result.errorCount() > PROBLEMS_SHOWN ? ", the first " + PROBLEMS_SHOWN : ""));
            result.problems().stream().limit(PROBLEMS_SHOWN).map(Problem::text)
                    .forEach(p -> text.append("    - ").append(p).append(System.lineSeparator()));
        }
        text.append("  ").append(result.message()).append(System.lineSeparator());
        return text.toString();
    }
}
