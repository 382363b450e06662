package io.vantage.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * The baseline the import is measured against: the same CSV files COPYed as they are into typed temporary tables,
 * then merged with the set-based statements a DBA would write by hand (insert the new rows, update the changed ones,
 * in one transaction). No validation, no problems, no ending, no bookkeeping: the least work PostgreSQL can do to
 * bring the tables to the export's state.
 */
final class RawCopyMerge {

    private static final String[][] STAGES = {
            {"employers", "id text, name text, town text, country_code text"},
            {"users", "id text, first_name text, last_name text, email text, employer_id text"},
            {"roles", "user_id text, role text, expires_at timestamptz"},
            {"instruments", "id text, name text"},
            {"instrument_scientists", "instrument_id text, user_id text"},
            {"proposals", "id text, title text, summary text, doi text, public_at date"},
            {"experiments", "id text, proposal_id text, instrument_id text, title text, start_date timestamptz,"
                    + " end_date timestamptz, doi text"},
            {"experiment_members", "experiment_id text, user_id text, role text"}};

    private static final String[] MERGE = {
            "insert into employers (id, name, town, country_code) select id, name, town, country_code"
                    + " from raw_employers s where not exists (select 1 from employers t where t.id = s.id)",
            "update employers t set name = s.name, town = s.town, country_code = s.country_code, updated_at = now()"
                    + " from raw_employers s where s.id = t.id"
                    + " and (t.name, t.town, t.country_code) is distinct from (s.name, s.town, s.country_code)",
            "update users t set first_name = s.first_name, last_name = s.last_name, email = s.email,"
                    + " affiliation_id = s.employer_id, updated_at = now() from raw_users s where s.id = t.id and"
                    + " (t.first_name, t.last_name, t.email, t.affiliation_id) is distinct from"
                    + " (s.first_name, s.last_name, s.email, s.employer_id)",
            "insert into users (id, first_name, last_name, email, affiliation_id) select id, first_name, last_name,"
                    + " email, employer_id from raw_users s where not exists (select 1 from users t where t.id = s.id)",
            "insert into user_roles (user_id, role_id, source, expires_at) select s.user_id, r.id, 'USER_OFFICE',"
                    + " s.expires_at from raw_roles s join roles r on r.name = s.role"
                    + " where not exists (select 1 from user_roles t where t.user_id = s.user_id and t.role_id = r.id)",
            "insert into instruments (id, name) select id, name from raw_instruments s"
                    + " where not exists (select 1 from instruments t where t.id = s.id)",
            "insert into instrument_scientists select instrument_id, user_id from raw_instrument_scientists s"
                    + " where not exists (select 1 from instrument_scientists t where t.instrument_id = s.instrument_id"
                    + " and t.user_id = s.user_id)",
            "update proposals t set title = s.title, summary = s.summary, doi = s.doi, public_at = s.public_at,"
                    + " updated_at = now() from raw_proposals s where s.id = t.id and (t.title, t.summary, t.doi,"
                    + " t.public_at) is distinct from (s.title, s.summary, s.doi, s.public_at)",
            "insert into proposals (id, title, summary, doi, public_at) select id, title, summary, doi, public_at"
                    + " from raw_proposals s where not exists (select 1 from proposals t where t.id = s.id)",
            "update experiments t set proposal_id = s.proposal_id, instrument_id = s.instrument_id, title = s.title,"
                    + " start_date = s.start_date, end_date = s.end_date, doi = s.doi, updated_at = now()"
                    + " from raw_experiments s where s.id = t.id and (t.proposal_id, t.instrument_id, t.title,"
                    + " t.start_date, t.end_date, t.doi) is distinct from (s.proposal_id, s.instrument_id, s.title,"
                    + " s.start_date, s.end_date, s.doi)",
            "insert into experiments (id, proposal_id, instrument_id, title, start_date, end_date, doi) select id,"
                    + " proposal_id, instrument_id, title, start_date, end_date, doi from raw_experiments s"
                    + " where not exists (select 1 from experiments t where t.id = s.id)",
            "update experiment_users t set role = s.role from raw_experiment_members s"
                    + " where s.experiment_id = t.experiment_id and s.user_id = t.user_id"
                    + " and t.role is distinct from s.role",
            "insert into experiment_users (experiment_id, user_id, role) select experiment_id, user_id, role"
                    + " from raw_experiment_members s where not exists (select 1 from experiment_users t"
                    + " where t.experiment_id = s.experiment_id and t.user_id = s.user_id)"};

    private final DataSource dataSource;

    RawCopyMerge(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Imports the folder's CSV files; answers the seconds it took. */
    double run(Path dir) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, "set local enable_nestloop = off");
            for (String[] stage : STAGES) {
                execute(connection, "create temporary table raw_" + stage[0] + " (" + stage[1] + ") on commit drop");
                try (Reader csv = Files.newBufferedReader(dir.resolve(stage[0] + ".csv"), StandardCharsets.UTF_8)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy raw_" + stage[0]
                            + " from stdin with (format csv, header true)", csv);
                }
                execute(connection, "analyze raw_" + stage[0]);
            }
            for (String statement : MERGE) {
                execute(connection, statement);
            }
            connection.commit();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
