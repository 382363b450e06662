package io.vantage.etl.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.vantage.domain.etl.EtlRun.Mode;
import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.config.EtlProperties;
import io.vantage.etl.config.EtlProperties.Source;
import io.vantage.etl.extract.Extractor;
import io.vantage.etl.extract.Extractors;
import io.vantage.etl.extract.Feed;
import io.vantage.etl.load.DatabaseProblems;
import io.vantage.etl.load.EntityCounts;
import io.vantage.etl.load.AccessNotices;
import io.vantage.etl.load.Merger;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.validate.Problems;

/**
 * Runs one import: extract into staging, check, merge, all in one transaction that commits fully or not at all.
 * A dry run does the same work and rolls back; so does a run that would end more than the allowed share of a kind
 * (it waits for confirmation). Every run, whatever its outcome, is recorded in etl_runs with all its problems.
 * Harmless in the portal: it does nothing until asked.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    /** pg_try_advisory_xact_lock key: one import at a time per database, CLI and portal alike. */
    private static final long LOCK_KEY = 0x7661_6e74_6574_6cL;

    private final DataSource dataSource;
    private final EtlProperties properties;
    private final RunRecorder recorder;
    private final EtlMetrics metrics;
    private final Clock clock;
    private final EndingLimits limits;

    public ImportService(DataSource dataSource, EtlProperties properties, ObjectProvider<MeterRegistry> registry,
                         ObjectProvider<Clock> clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.recorder = new RunRecorder(new JdbcTemplate(dataSource));
        this.metrics = new EtlMetrics(registry.getIfAvailable());
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.limits = new EndingLimits(properties.ending());
    }

    /** What one attempt came to. */
    private record Attempt(Outcome outcome, Map<String, EntityCounts> counts, String message) {
    }

    public RunResult run(RunRequest request) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        Mode mode = request.dryRun() ? Mode.DRY_RUN : Mode.RUN;
        Source source = request.source() != null ? request.source() : properties.source();
        Policy policy = request.policy() != null ? request.policy() : properties.policy();
        Integer maxErrors = request.maxErrors() != null ? request.maxErrors() : properties.maxErrors();
        Problems problems = new Problems(properties.maxStoredErrors());
        Extractor extractor = null;
        String description = source.name().toLowerCase();
        RuntimeException configError = null;
        try {
            extractor = Extractors.create(source, request.dir(), properties);
            description = extractor.describe();
            if (maxErrors != null && maxErrors > 0 && policy == Policy.ALL_OR_NOTHING) {
                // once max-errors alone meant "skip up to N rows": ignoring it now would change what a run does
                throw new IllegalArgumentException("max-errors (" + maxErrors + ") only applies with the"
                        + " skip-invalid policy; set vantage.etl.policy=skip-invalid to skip invalid rows, or remove"
                        + " max-errors (all-or-nothing stops at the first problem)");
            }
        } catch (RuntimeException e) {
            configError = e;
        }
        long runId = recorder.start(started, description, mode, policy, request.triggeredBy());
        log.info("Import #{} from {} ({}, {}) started", runId, description, mode, policy);
        Attempt attempt;
        if (configError != null) {
            attempt = new Attempt(Outcome.FAILED, Map.of(), "The configuration is not usable: "
                    + configError.getMessage());
        } else {
            try {
                attempt = importAll(extractor, problems, new Plan(runId, started, mode, policy, maxErrors,
                        request.confirmation()));
            } catch (Exception e) {
                log.debug("Import #{} failed", runId, e);
                attempt = new Attempt(Outcome.FAILED, Map.of(), "The import failed and changed nothing: "
                        + describe(e));
            }
        }
        RunResult result = new RunResult(runId, description, mode, policy, attempt.outcome(), attempt.counts(),
                problems.count(), problems.kept(), attempt.message(), Duration.ofNanos(System.nanoTime() - nanos));
        recorder.finish(result, clock.instant());
        metrics.record(result);
        return result;
    }

    private record Plan(long runId, Instant started, Mode mode, Policy policy, Integer maxErrors,
                        EndingConfirmation confirmation) {

        /** Why rows absent from this export end. */
        String reason(java.time.ZoneId zone) {
            return "absent from the export of " + LocalDate.ofInstant(started, zone) + " (import #" + runId + ")";
        }
    }

    private Attempt importAll(Extractor extractor, Problems problems, Plan plan) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lock(connection);
                List<Feed> feeds = extractor.feeds();
                Set<EntityType> imported = EnumSet.noneOf(EntityType.class);
                feeds.forEach(feed -> imported.add(feed.entity()));
                StagingRun staged = new StagingRun(connection, properties, problems);
                staged.stageAndCheck(feeds, imported);
                String stop = RunSummary.stopReason(problems, plan.policy(), plan.maxErrors());
                if (stop != null) {
                    connection.rollback();
                    return new Attempt(Outcome.ABORTED, Map.of(), stop);
                }
                AccessNotices access = AccessNotices.before(connection);
                Savepoint beforeMerge = connection.setSavepoint();
                Merger merger = new Merger(connection, staged.protection(), plan.reason(properties.timeZone()),
                        staged.received(), staged.rejected());
                Map<String, EntityCounts> counts;
                long merging = System.nanoTime();
                try {
                    counts = merger.merge(imported);
                } catch (SQLException e) {
                    if (!DatabaseProblems.isDataError(e)) {
                        throw e;
                    }
                    connection.rollback(beforeMerge);
                    problems.accept(DatabaseProblems.locate(e, connection, staged.staging()));
                    connection.rollback();
                    return new Attempt(Outcome.ABORTED, Map.of(), RunSummary.stopReason(problems, plan.policy(), 0));
                }
                log.info("Merged in {} ms", (System.nanoTime() - merging) / 1_000_000);
                List<EndingLimits.Excess> over = limits.excesses(merger.endings(), plan.confirmation());
                if (!over.isEmpty()) {
                    connection.rollback();
                    return new Attempt(Outcome.NEEDS_CONFIRMATION, counts,
                            RunSummary.confirmationMessage(over, limits.allowed(), plan.mode()));
                }
                String message = RunSummary.successMessage(counts, plan.mode()) + RunSummary.endingReport(
                        merger.endings(), merger.instancesOfInactivePeople(), plan.mode(), plan.confirmation());
                if (plan.mode() == Mode.DRY_RUN) {
                    connection.rollback();
                } else {
                    // sent with the commit: running portals re-decide these people's open connections at once
                    int told = access.notifyChanged();
                    connection.commit();
                    if (told > 0) {
                        log.info("Told running portals that the roles of {} people changed", told);
                    }
                }
                return new Attempt(Outcome.SUCCEEDED, counts, message);
            } catch (Exception | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void lock(Connection connection) throws Exception {
        try (var statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (var rs = statement.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("another import is running on this database");
                }
            }
        }
    }

    /** The cause in words; for the database, its message without any SQL. */
    private static String describe(Throwable e) {
        if (e instanceof SQLException sql) {
            return DatabaseProblems.describe(sql);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            message = missing.getFile() + (missing.getReason() == null ? " not found" : ": " + missing.getReason());
        } else if (e instanceof java.net.http.HttpTimeoutException || e instanceof java.net.ConnectException) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        return message;
    }
}
