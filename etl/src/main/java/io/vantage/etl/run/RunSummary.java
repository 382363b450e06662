package io.vantage.etl.run;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.vantage.domain.etl.EtlRun.Mode;
import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.load.EntityCounts;
import io.vantage.etl.load.Merger;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;
import io.vantage.etl.validate.Problems;

/** The words a person reads at the end of a run: on the console and in etl_runs.message. */
public final class RunSummary {

    private static final int PROBLEMS_SHOWN = 20;

    private RunSummary() {
    }

    /** Why the run stops before merging, or null when it goes on. */
    static String stopReason(Problems problems, Policy policy, Integer maxErrors) {
        if (problems.hasFatal()) {
            Problem fatal = problems.kept().get(0);
            long others = problems.count() - 1;
            return "Aborted: " + fatal.source() + " could not be read as a whole: " + fatal.message()
                    + (others > 0 ? "; " + others + " other problem(s) are listed too" : "") + ". Nothing was changed.";
        }
        if (problems.count() == 0) {
            return null;
        }
        if (policy == Policy.ALL_OR_NOTHING) {
            return "Aborted: " + problems.count() + " problem(s) found, and the policy is all-or-nothing;"
                    + " nothing was changed. Fix them at the source, or import the valid rows with the skip-invalid"
                    + " policy (it changes nothing the invalid rows touch).";
        }
        if (maxErrors != null && problems.count() > maxErrors) {
            return "Aborted: " + problems.count() + " problem(s) found, more than the " + maxErrors
                    + " tolerated (max-errors); nothing was changed.";
        }
        return null;
    }

    static String successMessage(Map<String, EntityCounts> counts, Mode mode) {
        String verb = mode == Mode.DRY_RUN ? "would have " : "";
        long inserted = 0;
        long updated = 0;
        long ended = 0;
        long unchanged = 0;
        long skipped = 0;
        for (EntityCounts c : counts.values()) {
            inserted += c.inserted();
            updated += c.updated();
            ended += c.ended();
            unchanged += c.unchanged();
            skipped += c.rejected();
        }
        String dry = mode == Mode.DRY_RUN ? "Dry run, nothing written: " : "";
        String skip = skipped == 0 ? "" : " " + skipped + " row(s) with problems skipped: they, and what they touch,"
                + " were left as they were.";
        if (inserted + updated + ended == 0) {
            return dry + "Nothing changed: all " + unchanged + " rows were already up to date." + skip;
        }
        return dry + verb + "inserted " + inserted + ", " + verb + "updated " + updated + ", " + verb + "ended "
                + ended + " rows; " + unchanged + " unchanged." + skip;
    }

    static String confirmationMessage(List<EndingLimits.Excess> over, String allowed, Mode mode) {
        String what = over.stream().map(EndingLimits.Excess::describe).collect(Collectors.joining(" and "));
        return "Stopped before changing anything: this export would end " + what + ", more than the " + allowed
                + " one import may end without confirmation. A truncated export looks like this. If the user office"
                + " really removed them, " + (mode == Mode.DRY_RUN ? "run the import and confirm it on its page"
                : "confirm on this run's page") + " (or run the command with --confirm-ending).";
    }

    /** What ended and why, what did not end and why, and what happens to the instances of people who left. */
    static String endingReport(Map<EntityType, Merger.Ending> endings, long instances, Mode mode,
                               EndingConfirmation confirmation) {
        StringBuilder text = new StringBuilder();
        Merger.Ending people = endings.get(EntityType.USERS);
        if (people != null && people.ended() > 0) {
            text.append(' ').append(people.ended()).append(mode == Mode.DRY_RUN ? " people would be" : " people are")
                    .append(" no longer in the export and marked inactive (not deleted). They own ").append(instances)
                    .append(" instance(s), which the import leaves as they are: they run until their lifetime or"
                            + " inactivity limit deletes them, or an admin deletes them on the instances page;"
                            + " access through experiments the export no longer lists has ended.");
        }
        endings.forEach((entity, ending) -> {
            if (ending.blockedBecause() != null) {
                text.append(" No ").append(EndingLimits.plural(entity)).append(" ended in this run: ")
                        .append(ending.blockedBecause()).append('.');
            }
        });
        if (confirmation != null && confirmation.heldRunId() != null) {
            text.append(" Ending confirmed after import #").append(confirmation.heldRunId()).append('.');
        } else if (confirmation != null) {
            text.append(" Ending confirmed on the command line.");
        }
        return text.toString();
    }

    /** A table of counts, the first problems and the outcome, for the console. */
    public static String render(RunResult result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nImport #%d from %s (%s, %s): %s in %.1f s%n", result.runId(), result.source(),
                result.mode(), result.policy(), result.outcome(), result.duration().toMillis() / 1000.0));
        if (!result.counts().isEmpty()) {
            text.append(String.format("  %-22s %10s %10s %10s %10s %10s %10s%n", "entity", "received", "inserted",
                    "updated", "ended", "unchanged", "rejected"));
            result.counts().forEach((entity, c) -> text.append(String.format(
                    "  %-22s %,10d %,10d %,10d %,10d %,10d %,10d%n", entity, c.received(), c.inserted(), c.updated(),
                    c.ended(), c.unchanged(), c.rejected())));
        }
        if (result.errorCount() > 0) {
            text.append(String.format("  %d problem(s)%s:%n", result.errorCount(),
                    result.errorCount() > PROBLEMS_SHOWN ? ", the first " + PROBLEMS_SHOWN
                            + " (all of them: --problems=FILE, or the run's page in the admin console)" : ""));
            result.problems().stream().limit(PROBLEMS_SHOWN).map(p -> (p.fatal() ? "FATAL " : "") + p.text())
                    .forEach(p -> text.append("    - ").append(p).append(System.lineSeparator()));
        }
        text.append("  ").append(result.message()).append(System.lineSeparator());
        return text.toString();
    }
}
