package io.vantage.etl.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vantage.etl.config.EtlProperties;
import io.vantage.etl.extract.Feed;
import io.vantage.etl.extract.SourceFormatException;
import io.vantage.etl.load.Protection;
import io.vantage.etl.load.Staging;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;
import io.vantage.etl.model.Schema;
import io.vantage.etl.validate.Problems;
import io.vantage.etl.validate.RoleNames;
import io.vantage.etl.validate.RowValidator;
import io.vantage.etl.validate.SetChecks;
import io.vantage.etl.validate.StagedKeys;

/**
 * Reads every feed through the row checks into staging (rejected records too, by their identity), then runs the
 * checks across rows. After a fatal problem the checks across rows are not run: the run stops anyway, and they would
 * only repeat it as thousands of references to records that were never read.
 */
final class StagingRun {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Connection connection;
    private final EtlProperties properties;
    private final Problems problems;
    private final Staging staging;
    private final Map<EntityType, Long> received = new EnumMap<>(EntityType.class);
    private RowValidator validator;
    private StagedKeys keys;
    private SetChecks checks;

    StagingRun(Connection connection, EtlProperties properties, Problems problems) {
        this.connection = connection;
        this.properties = properties;
        this.problems = problems;
        this.staging = new Staging(connection);
    }

    /** @throws IllegalArgumentException when the configuration's role mapping names a role the portal lacks */
    void stageAndCheck(List<Feed> feeds, Set<EntityType> imported) throws IOException, SQLException {
        validator = new RowValidator(properties.timeZone(), new RoleNames(portalRoles(), properties.roleMapping()));
        keys = new StagedKeys(imported);
        for (EntityType entity : imported) {
            staging.create(entity);
        }
        for (Feed feed : feeds.stream().sorted(Comparator.comparing(Feed::entity)).toList()) {
            stage(feed);
        }
        if (problems.hasFatal()) {
            log.warn("A source could not be read as a whole: the checks across files are not run");
            return;
        }
        for (EntityType entity : imported) {
            staging.analyze(entity);
        }
        long before = problems.count();
        long started = System.nanoTime();
        checks = new SetChecks(connection, staging, problems, keys);
        checks.run(imported);
        log.info("Checked duplicates, references and unique values in {} ms: {} problem(s)",
                (System.nanoTime() - started) / 1_000_000, problems.count() - before);
    }

    Staging staging() {
        return staging;
    }

    Protection protection() {
        return checks.protection();
    }

    /** Rows rejected per entity (by the row checks, the checks across rows, and identical copies dropped). */
    Map<EntityType, Long> rejected() {
        Map<EntityType, Long> rejected = new EnumMap<>(EntityType.class);
        received.keySet().forEach(entity -> rejected.put(entity, checks.rejected(entity)));
        return rejected;
    }

    /** Rows read per entity, with or without problems. */
    Map<EntityType, Long> received() {
        return received;
    }

    private List<String> portalRoles() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select name from roles")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private void stage(Feed feed) throws IOException, SQLException {
        EntityType entity = feed.entity();
        Progress progress = new Progress(entity.key() + " from " + feed.describe(), properties.progressEveryRows(),
                properties.progressInterval());
        long before = problems.count();
        String[] row = new String[Schema.fields(entity).size()];
        try (Staging.Writer writer = staging.open(entity)) {
            feed.read(record -> {
                progress.row();
                boolean valid = validator.validate(entity, record, row, problems);
                keys.row(entity, row, !valid, record.source(), record.location());
                try {
                    writer.write(record.source(), record.location(), row, !valid);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (SourceFormatException e) {
            problems.accept(Problem.fatal(entity, e.source(), e.location(), e.problem()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long rows = progress.done();
        keys.staged(entity);
        received.merge(entity, rows, Long::sum);
        if (problems.count() > before) {
            log.warn("{}: {} of {} rows have problems", entity.key(), problems.count() - before, rows);
        }
    }
}
