package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.ImportFiles;
import io.vantage.etl.load.EntityCounts;
import io.vantage.etl.model.Problem;

/**
 * A facility's clean export, then the next night's export with the mistakes user offices make
 * (src/test/resources/messy-export/README.md lists them).
 */
class MessyExportTest extends DatabaseTest {

    static final String EXP_03 = "select t::text from experiments t where id = 'EXP-03'";
    static final String EXP_03_MEMBERS = "select string_agg(t::text, ',' order by user_id) from experiment_users t"
            + " where experiment_id = 'EXP-03'";

    @BeforeEach
    void cleanExportImported() throws Exception {
        ImportFiles.copy(ImportFiles.MESSY.resolve("clean"), dir);
        RunResult clean = run();
        assertThat(clean.outcome()).as(clean.message()).isEqualTo(Outcome.SUCCEEDED);
        ImportFiles.copy(ImportFiles.MESSY.resolve("messy"), dir);
    }

    @Test
    void allOrNothingChangesNothingAndNamesEveryMistakeByRecordFileLineAndField() {
        String before = checksum();

        RunResult result = run();

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(checksum()).isEqualTo(before);
        assertThat(texts(result)).contains(
                "users.csv line 12, user 'U100110', field email: 'n/a' is not an e-mail address (expected"
                        + " name@domain; leave it empty when there is none).",
                "users.csv line 40, user 'U100120': the line has 6 values but the header names 5 columns (a value"
                        + " holding a comma must be in double quotes).",
                "users.csv line 41, user 'U100114', field last_name: the value holds bytes that are not valid UTF-8"
                        + " (at character 2); save the file as UTF-8.",
                "users.csv line 7, user 'U100105', field email: the e-mail address 'lab@nbi.example' is also given to"
                        + " user 'U100106' (users.csv line 8); an e-mail address belongs to one person, so none of them"
                        + " is imported.",
                "users.csv line 8, user 'U100106', field email: the e-mail address 'lab@nbi.example' is also given to"
                        + " user 'U100105' (users.csv line 7); an e-mail address belongs to one person, so none of them"
                        + " is imported.",
                "users.csv line 11, user 'U100109', field email: the e-mail address 'anna.shared@esrf.example' is also"
                        + " given to user 'U100108' (users.csv line 10); an e-mail address belongs to one person, so"
                        + " none of them is imported.",
                "experiments.csv line 4, experiment 'EXP-03', field start_date: '2025-13-05T08:00:00Z' is not a"
                        + " date-time (expected ISO 8601 like 2024-05-31T08:00:00Z).");
        assertThat(texts(result)).filteredOn(t -> t.contains("Staff")).singleElement().asString()
                .startsWith("roles.csv line 10, role grant 'U100111 / Staff', field role: 'Staff' is not a role of the"
                        + " portal (");
        assertThat(result.problems()).extracting(Problem::recordId).as("a case-only change, a combining diaeresis"
                + " and no-break spaces are not mistakes").doesNotContain("U100107", "U100131", "U100132",
                "EXP-13 / U100113");
        assertThat(result.errorCount()).as("7 people, 1 experiment, 3 role grants and scientists, 15 memberships")
                .isEqualTo(26);
        assertThat(result.problems()).filteredOn(p -> "U100120".equals(p.recordId())).singleElement()
                .as("the shifted line's problem is on the line, not on a column").extracting(Problem::field).isNull();
    }

    @Test
    void skipInvalidImportsTheRestAndOneTypoEndsNothing() {
        String experiment = jdbc.queryForObject(EXP_03, String.class);
        String members = jdbc.queryForObject(EXP_03_MEMBERS, String.class);
        String king = jdbc.queryForObject("select t::text from users t where id = 'U100120'", String.class);

        RunResult result = runSkippingInvalid();

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(jdbc.queryForObject(EXP_03, String.class)).as("the experiment with the typo").isEqualTo(experiment);
        assertThat(jdbc.queryForObject(EXP_03_MEMBERS, String.class)).as("its nine memberships").isEqualTo(members);
        assertThat(jdbc.queryForObject("select t::text from users t where id = 'U100120'", String.class))
                .as("the shifted line: not 'King' with e-mail 'Jr.'").isEqualTo(king);
        assertThat(jdbc.queryForList("select experiment_id || ' ' || user_id || ': ' || ended_reason"
                + " from experiment_users where ended_at is not null", String.class))
                .as("only the membership the user office really removed ends").containsExactly(
                        "EXP-01 U100100: absent from the export of " + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                + " (import #" + result.runId() + ")");
        assertThat(result.counts().get("experiments")).isEqualTo(new EntityCounts(13, 1, 0, 11, 0, 1));
        assertThat(result.counts().get("users")).as("7 people rejected, the case-only, NFC and no-break-space"
                + " changes unchanged").isEqualTo(new EntityCounts(40, 0, 0, 33, 0, 7));
        assertThat(result.counts().get("instruments")).isEqualTo(new EntityCounts(4, 0, 3, 1, 0, 0));
        assertThat(jdbc.queryForList("select user_id from experiment_users where experiment_id = 'EXP-13'",
                String.class)).as("a reference with a no-break space").containsExactly("U100113");
        assertThat(jdbc.queryForObject("select first_name from users where id = 'U100131'", String.class))
                .isEqualTo("Zo\u00eb");
        assertThat(jdbc.queryForObject("select count(*) from users where inactive_since is not null", Integer.class))
                .isZero();
        assertThat(result.message()).contains(result.skippedRows() + " row(s) with problems skipped");
    }

    @Test
    void staffIsRejectedUnlessMappedAndNeverBecomesAGroup() {
        RunResult unmapped = runSkippingInvalid();

        assertThat(unmapped.problems()).anyMatch(p -> "U100111 / Staff".equals(p.recordId()));
        assertThat(jdbc.queryForObject("select count(*) from roles where name = 'Staff' or kind = 'GROUP'",
                Integer.class)).isZero();
        assertThat(staffGrants("U100111")).isZero();

        RunResult mapped = serviceWith(Map.of("vantage.etl.role-mapping.[Staff]", "STAFF"))
                .run(new RunRequest(null, dir, Policy.SKIP_INVALID, null, false, null, "test"));

        assertThat(mapped.problems()).noneMatch(p -> p.message().contains("Staff"));
        assertThat(staffGrants("U100111")).isOne();
        assertThat(jdbc.queryForObject("select count(*) from roles where kind = 'GROUP'", Integer.class)).isZero();
    }

    @Test
    void instrumentsSwapAndRenameAndARerunChangesNothing() throws Exception {
        RunResult first = runSkippingInvalid();
        RunResult again = runSkippingInvalid();

        assertThat(first.counts().get("instruments").updated()).isEqualTo(3);
        assertThat(jdbc.queryForList("select id || ': ' || name from instruments order by id", String.class))
                .containsExactly("D11: D22 SANS", "D22: D11 SANS", "ID16: ID16 nano-imaging", "IN5: IN5 time-of-flight");
        assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(again.counts().get("instruments")).isEqualTo(new EntityCounts(4, 0, 0, 4, 0, 0));
        assertThat(jdbc.queryForObject("select count(*) from experiment_users where ended_at is not null",
                Integer.class)).as("a rerun ends nothing more").isOne();
    }

    @Test
    void aNameAnInstrumentOutsideTheImportKeepsIsAProblemOfTheRowNotADatabaseError() throws Exception {
        files.write("instruments.csv", "id,name\nD22,D22 SANS\nIN5,id16 NANO-IMAGING\nD11,D11 SANS\n");

        RunResult result = runSkippingInvalid();

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(texts(result)).contains("instruments.csv line 3, instrument 'IN5', field name: the name"
                + " 'id16 NANO-IMAGING' already belongs to instrument 'ID16' in the portal, which keeps it (it is not in"
                + " this export); instrument names are unique (ignoring case), so this row is not imported.");
        assertThat(jdbc.queryForObject("select name from instruments where id = 'IN5'", String.class))
                .isEqualTo("IN5 TOF");
    }

    private int staffGrants(String user) {
        return jdbc.queryForObject("select count(*) from user_roles ur join roles r on r.id = ur.role_id"
                + " where ur.user_id = ? and r.name = 'STAFF'", Integer.class, user);
    }

    static List<String> texts(RunResult result) {
        return result.problems().stream().map(Problem::text).toList();
    }
}
