package io.vantage.etl.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vantage.etl.config.EtlProperties;
import io.vantage.etl.extract.Feed;
import io.vantage.etl.extract.SourceFormatException;
import io.vantage.etl.load.Staging;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;
import io.vantage.etl.validate.Problems;
import io.vantage.etl.validate.RowValidator;
import io.vantage.etl.validate.SetChecks;

/** Reads every feed through the row checks into staging, then runs the checks across rows. */
final class StagingRun {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Connection connection;
    private final EtlProperties properties;
    private final Problems problems;
    private final Staging staging;
    private final RowValidator validator;

    StagingRun(Connection connection, EtlProperties properties, Problems problems) {
        this.connection = connection;
        this.properties = properties;
        this.problems = problems;
        this.staging = new Staging(connection);
        this.validator = new RowValidator(properties.timeZone());
    }

    void stageAndCheck(List<Feed> feeds, Set<EntityType> imported) throws IOException, SQLException {
        for (EntityType entity : imported) {
            staging.create(entity);
        }
        for (Feed feed : feeds.stream().sorted(Comparator.comparing(Feed::entity)).toList()) {
            stage(feed);
        }
        for (EntityType entity : imported) {
            staging.analyze(entity);
        }
        long before = problems.count();
        long started = System.nanoTime();
        new SetChecks(connection, staging, problems).run(imported);
        log.info("Checked duplicates and references in {} ms: {} problem(s)",
                (System.nanoTime() - started) / 1_000_000, problems.count() - before);
    }

    private void stage(Feed feed) throws IOException, SQLException {
        EntityType entity = feed.entity();
        Progress progress = new Progress(entity.key() + " from " + feed.describe(), properties.progressEveryRows(),
                properties.progressInterval());
        long before = problems.count();
        try (Staging.Writer writer = staging.open(entity)) {
            feed.read(record -> {
                progress.row();
                String[] row = validator.validate(entity, record, problems);
                if (row != null) {
                    try {
                        writer.write(record.source(), record.location(), row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (SourceFormatException e) {
            problems.acceptFatal(new Problem(e.source(), e.location(), null, e.problem()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long rows = progress.done();
        if (problems.count() > before) {
            log.warn("{}: {} of {} rows have problems", entity.key(), problems.count() - before, rows);
        }
    }
}
