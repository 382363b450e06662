package io.vantage.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.vantage.etl.DatabaseTest;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;

/** A rule the database enforces, broken during a merge, reads as the record and the rule: no SQL. */
class DatabaseProblemsTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aUniqueIndexViolationNamesTheRecordFileLineAndRule() throws Exception {
        jdbc.update("insert into instruments (id, name) values ('D22', 'D22 SANS')");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Staging staging = new Staging(connection);
            staging.create(EntityType.INSTRUMENTS);
            try (Staging.Writer writer = staging.open(EntityType.INSTRUMENTS)) {
                writer.write("instruments.csv", "line 3", new String[] {"IN5", "d22 sans"}, false);
            }
            Savepoint before = connection.setSavepoint();
            SQLException refused = refusal(connection);
            connection.rollback(before);

            Problem problem = DatabaseProblems.locate(refused, connection, staging);

            assertThat(DatabaseProblems.isDataError(refused)).isTrue();
            assertThat(problem.fatal()).isTrue();
            assertThat(problem.text()).isEqualTo("instruments.csv line 3, instrument 'IN5', field name: the database"
                    + " refused instrument name 'd22 sans': instrument names are unique (ignoring case).");
            assertThat(DatabaseProblems.describe(refused)).doesNotContainIgnoringCase("insert")
                    .startsWith("database error 23505: duplicate key value violates unique constraint");
            connection.rollback();
        }
    }

    private static SQLException refusal(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into instruments (id, name) select id, name from etl_stage_instruments");
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("the database accepted a duplicate name");
    }
}
