package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.vantage.domain.etl.EtlRun.Mode;
import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.load.EntityCounts;

/** Loading the sample, running it again, and changes between runs. */
class ImportTest extends DatabaseTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void theSampleLoadsCompletely() {
        RunResult result = run();

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.counts()).containsEntry("users", new EntityCounts(6, 6, 0, 0, 0, 0))
                .containsEntry("experiments", new EntityCounts(4, 4, 0, 0, 0, 0))
                .containsEntry("experiment_members", new EntityCounts(8, 8, 0, 0, 0, 0))
                .containsEntry("roles", new EntityCounts(3, 3, 0, 0, 0, 0));
        assertThat(result.counts().keySet()).as("in load order").containsExactly("employers", "users", "roles",
                "instruments", "instrument_scientists", "proposals", "experiments", "experiment_members");
        assertThat(jdbc.queryForObject("select affiliation_id from users where id = 'U1002'", String.class))
                .isEqualTo("EMP-UCPH");
        assertThat(jdbc.queryForObject("select count(*) from roles where kind = 'GROUP'", Integer.class))
                .as("the import never creates a role").isZero();
        assertThat(jdbc.queryForList("select distinct source from users", String.class)).containsExactly("USER_OFFICE");
        assertThat(jdbc.queryForObject("select source from user_roles ur join roles r on r.id = ur.role_id"
                + " where ur.user_id = 'U1001' and r.name = 'STAFF'", String.class)).isEqualTo("USER_OFFICE");
        assertThat(jdbc.queryForObject("select role from experiment_users where experiment_id = 'EXP-4-01-1688-1'"
                + " and user_id = 'U1001'", String.class)).isEqualTo("LOCAL_CONTACT");
        assertThat(jdbc.queryForObject("select start_date from experiments where id = 'EXP-9-10-1701-2'",
                Timestamp.class).toInstant()).hasToString("2025-10-14T06:00:00Z");
        assertThat(jdbc.queryForObject("select summary is null and doi is null from proposals where id = 'EASY-1322'",
                Boolean.class)).isTrue();
        assertThat(meters.counter("vantage.etl.rows", "entity", "users", "outcome", "inserted").count())
                .isGreaterThanOrEqualTo(6);
        assertThat(meters.timer("vantage.etl.duration", "mode", "RUN", "outcome", "SUCCEEDED").count()).isPositive();
    }

    @Test
    void aSecondRunOfTheSameDataChangesNothing() {
        run();
        Timestamp before = jdbc.queryForObject("select updated_at from users where id = 'U1001'", Timestamp.class);
        String checksum = checksum();

        RunResult second = run();

        assertThat(second.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(second.changedSomething()).isFalse();
        second.counts().values().forEach(c -> assertThat(c.inserted() + c.updated() + c.ended()).isZero());
        assertThat(second.counts().get("experiment_members").unchanged()).isEqualTo(8);
        assertThat(second.message()).isEqualTo("Nothing changed: all 31 rows were already up to date.");
        assertThat(checksum()).isEqualTo(checksum);
        assertThat(jdbc.queryForObject("select updated_at from users where id = 'U1001'", Timestamp.class))
                .isEqualTo(before);
    }

    @Test
    void changesAreUpdatedAndVanishedRowsEndThenComeBack() throws Exception {
        run();
        String members = files.read("experiment_members.csv");
        String experiments = files.read("experiments.csv");
        files.write("experiment_members.csv", members.replace("EXP-9-10-1701-1,U1004,PARTICIPANT\n", ""))
                .write("experiments.csv", experiments.replace("Kagome magnons", "Kagome magnons revisited")
                        .replaceAll("EXP-EASY-1322-1,.*\n", ""))
                .write("users.csv", files.read("users.csv").replace("Jonas,Berg", "Jonas,Berg-Larsen")
                        .replace("EXP-EASY", ""))
                .write("roles.csv", files.read("roles.csv").replace("U1001,STAFF,\n", ""))
                .write("experiment_members.csv", files.read("experiment_members.csv")
                        .replaceAll("EXP-EASY-1322-1,.*\n", ""));

        RunResult changed = run();

        assertThat(changed.outcome()).as(changed.problems().toString()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(changed.counts().get("users")).isEqualTo(new EntityCounts(6, 0, 1, 5, 0, 0));
        assertThat(changed.counts().get("experiments")).isEqualTo(new EntityCounts(3, 0, 1, 2, 1, 0));
        assertThat(changed.counts().get("experiment_members")).isEqualTo(new EntityCounts(6, 0, 0, 6, 2, 0));
        assertThat(changed.counts().get("roles")).isEqualTo(new EntityCounts(2, 0, 0, 2, 1, 0));
        assertThat(jdbc.queryForObject("select last_name from users where id = 'U1002'", String.class))
                .isEqualTo("Berg-Larsen");
        assertThat(jdbc.queryForObject("select ended_reason from experiments where id = 'EXP-EASY-1322-1'"
                + " and ended_at is not null", String.class)).isEqualTo("absent from the export of "
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + " (import #" + changed.runId() + ")");
        assertThat(jdbc.queryForObject("select ended_at is not null from experiment_users"
                + " where experiment_id = 'EXP-9-10-1701-1' and user_id = 'U1004'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select expires_at <= now() from user_roles ur join roles r on r.id = ur.role_id"
                + " where ur.user_id = 'U1001' and r.name = 'STAFF'", Boolean.class)).isTrue();

        files.write("experiment_members.csv", members).write("experiments.csv", experiments)
                .write("roles.csv", "user_id,role,expires_at\nU1001,STAFF,\nU1005,INSTRUMENT_SCIENTIST,\n"
                        + "U1003,INSTRUMENT_CONTROL,2030-12-31T23:59:59Z\n");
        RunResult back = run();

        assertThat(back.counts().get("experiments")).isEqualTo(new EntityCounts(4, 0, 2, 2, 0, 0));
        assertThat(back.counts().get("experiment_members")).isEqualTo(new EntityCounts(8, 0, 2, 6, 0, 0));
        assertThat(back.counts().get("roles")).isEqualTo(new EntityCounts(3, 0, 1, 2, 0, 0));
        assertThat(jdbc.queryForObject("select count(*) from experiments where ended_reason is not null",
                Integer.class)).as("listed again: no longer ended, no reason left").isZero();
        assertThat(jdbc.queryForObject("select count(*) from experiment_users where ended_at is not null",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from experiments where ended_at is not null",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select expires_at is null from user_roles ur join roles r on r.id = ur.role_id"
                + " where ur.user_id = 'U1001' and r.name = 'STAFF'", Boolean.class)).isTrue();
    }

    @Test
    void aDryRunCountsLikeARealRunAndWritesOnlyItsRecord() {
        String empty = checksum();

        RunResult dry = run(true, io.vantage.domain.etl.EtlRun.Policy.ALL_OR_NOTHING);

        assertThat(dry.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(dry.mode()).isEqualTo(Mode.DRY_RUN);
        assertThat(dry.message()).startsWith("Dry run, nothing written: would have inserted 31");
        assertThat(checksum()).isEqualTo(empty);
        Map<String, EntityCounts> real = run().counts();
        assertThat(dry.counts()).isEqualTo(real);
        assertThat(jdbc.queryForList("select mode from etl_runs order by id", String.class))
                .containsExactly("DRY_RUN", "RUN");
    }

    @Test
    void everyRunIsRecorded() {
        RunResult result = run();

        Map<String, Object> row = jdbc.queryForMap("select * from etl_runs where id = ?", result.runId());
        assertThat(row.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(row.get("mode")).isEqualTo("RUN");
        assertThat(row.get("policy")).isEqualTo("ALL_OR_NOTHING");
        assertThat(row.get("triggered_by")).isEqualTo("test");
        assertThat((String) row.get("source")).startsWith("files:").endsWith(dir.getFileName().toString());
        assertThat(row.get("finished_at")).isNotNull();
        assertThat(row.get("counts").toString()).contains("\"experiment_members\"", "\"inserted\": 8");
        assertThat(row.get("message")).isEqualTo(result.message());
        assertThat(List.of(row.get("error_count"))).containsExactly(0);
    }

    @Test
    void maxErrorsWithoutTheSkipInvalidPolicyIsAConfigurationErrorNotIgnored() {
        String empty = checksum();

        RunResult result = serviceWith(Map.of("vantage.etl.max-errors", "10"))
                .run(new RunRequest(null, dir, null, null, false, null, "test"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("max-errors (10) only applies with the skip-invalid policy");
        assertThat(checksum()).isEqualTo(empty);
        assertThat(serviceWith(Map.of("vantage.etl.max-errors", "10", "vantage.etl.policy", "skip-invalid"))
                .run(new RunRequest(null, dir, null, null, false, null, "test")).outcome())
                .isEqualTo(Outcome.SUCCEEDED);
    }
}
