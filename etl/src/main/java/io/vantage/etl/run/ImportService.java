package io.vantage.etl.run;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import io.vantage.etl.config.EtlProperties;
import io.vantage.etl.config.EtlProperties.Source;
import io.vantage.etl.extract.Extractor;
import io.vantage.etl.extract.Extractors;
import io.vantage.etl.extract.Feed;
import io.vantage.etl.load.EntityCounts;
import io.vantage.etl.load.Merger;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.validate.Problems;

/**
 * Runs one import: extract into staging, check, merge, all in one transaction that commits fully or not at all.
 * A dry run does the same work and rolls back. Every run, whatever its outcome, is recorded in etl_runs.
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

    public ImportService(DataSource dataSource, EtlProperties properties, ObjectProvider<MeterRegistry> registry,
                         ObjectProvider<Clock> clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.recorder = new RunRecorder(new JdbcTemplate(dataSource));
        this.metrics = new EtlMetrics(registry.getIfAvailable());
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public RunResult run(RunRequest request) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        Mode mode = request.dryRun() ? Mode.DRY_RUN : Mode.RUN;
        Source source = request.source() != null ? request.source() : properties.source();
        int maxErrors = request.maxErrors() != null ? request.maxErrors() : properties.maxErrors();
        Problems problems = new Problems(properties.maxStoredErrors());
        Extractor extractor = null;
        String description = source.name().toLowerCase();
        RuntimeException configError = null;
        try {
            extractor = Extractors.create(source, request.dir(), properties);
            description = extractor.describe();
        } catch (RuntimeException e) {
            configError = e;
        }
        long runId = recorder.start(started, description, mode, request.triggeredBy());
        log.info("Import #{} from {} ({}{}) started", runId, description, mode,
                maxErrors > 0 ? ", up to " + maxErrors + " problems tolerated" : "");
        Outcome outcome;
        Map<String, EntityCounts> counts = Map.of();
        String message;
        if (configError != null) {
            outcome = Outcome.FAILED;
            message = "The configuration is not usable: " + configError.getMessage();
        } else {
            try {
                counts = importAll(extractor, problems, maxErrors, mode);
                outcome = counts == null ? Outcome.ABORTED : Outcome.SUCCEEDED;
                message = counts == null ? RunSummary.abortMessage(problems, maxErrors)
                        : RunSummary.successMessage(counts, problems.count(), mode);
                counts = counts == null ? Map.of() : counts;
            } catch (Exception e) {
                log.debug("Import #{} failed", runId, e);
                outcome = Outcome.FAILED;
                message = "The import failed and changed nothing: " + describe(e);
            }
        }
        RunResult result = new RunResult(runId, description, mode, outcome, counts, problems.count(), problems.kept(),
                message, Duration.ofNanos(System.nanoTime() - nanos));
        recorder.finish(result, clock.instant());
        metrics.record(result);
        return result;
    }

    /** The counts, or null when the problems exceed the threshold (everything is rolled back then). */
    private Map<String, EntityCounts> importAll(Extractor extractor, Problems problems, int maxErrors, Mode mode)
            throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lock(connection);
                List<Feed> feeds = extractor.feeds();
                Set<EntityType> imported = EnumSet.noneOf(EntityType.class);
                feeds.forEach(feed -> imported.add(feed.entity()));
                new StagingRun(connection, properties, problems).stageAndCheck(feeds, imported);
                if (problems.hasFatal() || problems.count() > maxErrors) {
                    connection.rollback();
                    return null;
                }
                long merging = System.nanoTime();
                Merger merger = new Merger(connection);
                Map<String, EntityCounts> counts = merger.merge(imported);
                log.info("Merged in {} ms", (System.nanoTime() - merging) / 1_000_000);
                if (mode == Mode.DRY_RUN) {
                    connection.rollback();
                } else {
                    // sent with the commit: running portals re-decide these people's open connections at once
                    int told = merger.notifyChangedPeople();
                    connection.commit();
                    if (told > 0) {
                        log.info("Told running portals that the roles of {} people changed", told);
                    }
                }
                return counts;
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

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            message = missing.getFile() + (missing.getReason() == null ? " not found" : ": " + missing.getReason());
        } else if (e instanceof java.net.http.HttpTimeoutException || e instanceof java.net.ConnectException) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        return message;
    }
}
