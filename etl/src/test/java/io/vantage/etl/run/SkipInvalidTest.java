package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;

/** "Import the valid rows, skip the invalid ones, change nothing that they touch." */
class SkipInvalidTest extends DatabaseTest {

    @BeforeEach
    void sampleImported() {
        assertThat(run().outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aRejectedPersonKeepsTheirMembershipsEvenThoseTheExportNoLongerLists() throws Exception {
        files.write("users.csv", files.read("users.csv").replace("jonas.berg@nbi.example", "n/a"))
                .write("experiment_members.csv", files.read("experiment_members.csv")
                        .replace("EXP-9-10-1701-1,U1002,PRINCIPAL_INVESTIGATOR\n", "")
                        .replace("EXP-EASY-1322-1,U1006,\n", ""));
        String jonas = jdbc.queryForObject("select t::text from users t where id = 'U1002'", String.class);

        RunResult result = runSkippingInvalid();

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(jdbc.queryForObject("select t::text from users t where id = 'U1002'", String.class))
                .isEqualTo(jonas);
        assertThat(jdbc.queryForList("select experiment_id || '/' || user_id from experiment_users"
                + " where ended_at is not null", String.class))
                .as("Jonas's membership is left as it was; the other one the export dropped ends")
                .containsExactly("EXP-EASY-1322-1/U1006");
    }

    @Test
    void aRejectedGrantKeepsAllOfThatPersonsGrants() throws Exception {
        files.write("roles.csv", "user_id,role,expires_at\nU1001,Staf,\nU1005,INSTRUMENT_SCIENTIST,\n");

        RunResult result = runSkippingInvalid();

        assertThat(result.counts().get("roles").ended()).as("U1003's grant ends, U1001's STAFF stays").isOne();
        assertThat(jdbc.queryForObject("select expires_at is null from user_roles ur join roles r on r.id = ur.role_id"
                + " where ur.user_id = 'U1001' and r.name = 'STAFF'", Boolean.class)).isTrue();
    }

    @Test
    void aRejectedRowWithoutIdentityEndsNothingOfItsKindOrBelow() throws Exception {
        String experiments = files.read("experiments.csv");
        files.write("experiments.csv", experiments.replaceAll("EXP-EASY-1322-1,.*\n", "")
                        + ",EASY-1322,D22,Lost its id,2025-11-20,2025-11-21,\n")
                .write("experiment_members.csv", files.read("experiment_members.csv")
                        .replaceAll("EXP-EASY-1322-1,.*\n", ""));
        String before = checksum();

        RunResult result = runSkippingInvalid();

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(checksum()).as("the only change would have been ending EXP-EASY-1322-1 and its member")
                .isEqualTo(before);
        assertThat(result.message()).contains("No experiments ended in this run: a rejected experiment"
                + " (experiments.csv line 5) has no id, so it cannot be told which one it is.",
                "No experiment memberships ended in this run: a rejected experiment (experiments.csv line 5)");
    }
}
