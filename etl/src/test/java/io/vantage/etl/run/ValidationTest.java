package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.load.EntityCounts;
import io.vantage.etl.model.Problem;

/** Problems across records, the policies, and what an aborted run leaves behind. */
class ValidationTest extends DatabaseTest {

    @Test
    void duplicatesAreReportedWithBothPlacesAndConflictingOnesRejectAll() throws Exception {
        files.append("users.csv", "U1003,Aiko,Tanaka-Twin,aiko2@esrf.example,EMP-ESRF\n")
                .append("experiment_members.csv", "EXP-9-10-1701-1,U1004,PARTICIPANT\n")
                .append("employers.csv", "EMP-X,Another,,\n");

        RunResult result = run();

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(texts(result)).containsExactly(
                "users.csv line 8, user 'U1003', field id: duplicate user id 'U1003' with different values, already"
                        + " given at line 4; none of these rows is imported.",
                "roles.csv line 4, role grant 'U1003 / INSTRUMENT_CONTROL', field user_id: refers to user 'U1003',"
                        + " which is rejected (users.csv line 4), so this row is not imported either.",
                "experiment_members.csv line 10, experiment member 'EXP-9-10-1701-1 / U1004', field"
                        + " experiment_id+user_id: the same experiment member is listed again with the same values"
                        + " (first at line 3); this copy is ignored.",
                "experiment_members.csv line 7, experiment member 'EXP-4-01-1688-1 / U1003', field user_id: refers"
                        + " to user 'U1003', which is rejected (users.csv line 4), so this row is not imported either.");
    }

    @Test
    void unknownReferencesAreReported() throws Exception {
        files.append("experiments.csv", "EXP-X,NO-SUCH-PROPOSAL,D22,,2025-01-01,2025-01-02,\n")
                .append("experiment_members.csv", "EXP-4-01-1688-1,U9999,PARTICIPANT\n")
                .append("instrument_scientists.csv", "D99,U1001\n");

        RunResult result = run();

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(texts(result)).containsExactly(
                "instrument_scientists.csv line 4, instrument scientist 'D99 / U1001', field instrument_id: refers to"
                        + " instrument 'D99', which is not in the import.",
                "experiments.csv line 6, experiment 'EXP-X', field proposal_id: refers to proposal"
                        + " 'NO-SUCH-PROPOSAL', which is not in the import.",
                "experiment_members.csv line 10, experiment member 'EXP-4-01-1688-1 / U9999', field user_id: refers"
                        + " to user 'U9999', which is not in the import.");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void aRejectedRowAlsoRejectsWhatRefersToIt() throws Exception {
        files.write("proposals.csv", "id,title\n9-10-1701,\n4-01-1688,Magnons\nEASY-1322,Lipids\n");

        RunResult result = runSkippingInvalid();

        assertThat(texts(result)).startsWith(
                "proposals.csv line 2, proposal '9-10-1701', field title: a value is required but the field is"
                        + " missing or empty.",
                "experiments.csv line 2, experiment 'EXP-9-10-1701-1', field proposal_id: refers to proposal"
                        + " '9-10-1701', which is rejected (proposals.csv line 2), so this row is not imported either.");
        assertThat(result.errorCount()).as("1 proposal, its 2 experiments, their 5 members").isEqualTo(8);
        assertThat(result.outcome()).as("skip-invalid: the rest is loaded").isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.counts().get("experiments")).isEqualTo(new EntityCounts(4, 2, 0, 0, 0, 2));
        assertThat(result.skippedRows()).isEqualTo(8);
        assertThat(result.message()).endsWith("8 row(s) with problems skipped: they, and what they touch, were left"
                + " as they were.");
        assertThat(jdbc.queryForObject("select count(*) from experiments", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from experiment_users", Integer.class)).isEqualTo(3);
    }

    @Test
    void anAbortedRunLeavesTheDatabaseExactlyAsItWasAndIsRecorded() throws Exception {
        run();
        String before = checksum();
        files.write("users.csv", files.read("users.csv").replace("Dubois", "Dupont"))
                .write("experiments.csv", files.read("experiments.csv").replace("2025-06-15 08:00:00", "15/06/2025"));

        RunResult result = run();

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(result.message()).isEqualTo("Aborted: 3 problem(s) found, and the policy is all-or-nothing;"
                + " nothing was changed. Fix them at the source, or import the valid rows with the skip-invalid policy"
                + " (it changes nothing the invalid rows touch).");
        assertThat(checksum()).isEqualTo(before);
        var row = jdbc.queryForMap("select outcome, error_count, errors::text as errors, counts::text as counts"
                + " from etl_runs where id = ?", result.runId());
        assertThat(row.get("outcome")).isEqualTo("ABORTED");
        assertThat(row.get("error_count")).isEqualTo(3);
        assertThat((String) row.get("errors")).contains("\"field\": \"end_date\"", "\"location\": \"line 4\"",
                "\"record_id\": \"EXP-4-01-1688-1\"", "15/06/2025");
        assertThat(row.get("counts")).isEqualTo("{}");
    }

    @Test
    void everyProblemIsRecordedAndCountedWithAPreviewInTheRunRow() throws Exception {
        StringBuilder many = new StringBuilder("id,name\n");
        for (int i = 0; i < 250; i++) {
            many.append("I").append(i).append(",\n");
        }
        files.write("instruments.csv", many.toString());

        RunResult result = run();

        assertThat(result.errorCount()).isGreaterThanOrEqualTo(250);
        assertThat(result.problems()).hasSize((int) result.errorCount());
        assertThat(jdbc.queryForObject("select count(*) from etl_run_problems where run_id = ?", Long.class,
                result.runId())).isEqualTo(result.errorCount());
        assertThat(jdbc.queryForObject("select jsonb_array_length(errors) from etl_runs where id = ?", Integer.class,
                result.runId())).isEqualTo(20);
        assertThat(jdbc.queryForObject("select error_count from etl_runs where id = ?", Long.class, result.runId()))
                .isEqualTo(result.errorCount());
        assertThat(jdbc.queryForList("select record_id from etl_run_problems where run_id = ? order by seq limit 2",
                String.class, result.runId())).containsExactly("I0", "I1");
    }

    @Test
    void badEncodingIsAProblemOfItsLineAndField() throws Exception {
        byte[] latin1 = "id,name,town,country_code\nEMP-ILL,Institut Laue-Langevin,Gr\u00e9noble,FR\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        files.write("employers.csv", latin1);

        RunResult result = runSkippingInvalid();

        assertThat(texts(result)).first().isEqualTo("employers.csv line 2, employer 'EMP-ILL', field town: the value"
                + " holds bytes that are not valid UTF-8 (at character 3); save the file as UTF-8.");
    }

    @Test
    void aFileUnreadableAsAWholeAbortsWhateverThePolicyAndComesFirst() throws Exception {
        files.write("proposals.json", "[{\"id\": \"P1\", \"title\": \"T\"},")
                .write("users.csv", files.read("users.csv").replace("Dubois", ""));

        RunResult result = runSkippingInvalid();

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(result.message()).startsWith("Aborted: proposals.json could not be read as a whole: the JSON is"
                + " malformed");
        assertThat(result.message()).endsWith("; 1 other problem(s) are listed too. Nothing was changed.");
        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems().get(0).fatal()).as("the fatal problem first, though found later").isTrue();
        assertThat(texts(result).get(0)).startsWith("proposals.json line 1, column 29: the JSON is malformed");
        assertThat(texts(result).get(1)).startsWith("users.csv line 2, user 'U1001', field last_name");
        assertThat(jdbc.queryForObject("select fatal from etl_run_problems where run_id = ? and seq = 1",
                Boolean.class, result.runId())).isTrue();
    }

    @Test
    void aMissingFileFailsTheRun() throws Exception {
        java.nio.file.Files.delete(dir.resolve("roles.csv"));

        RunResult result = run();

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.message()).isEqualTo("The import failed and changed nothing: " + dir.toAbsolutePath()
                + ": missing roles.csv (or .json)");
    }

    private static java.util.List<String> texts(RunResult result) {
        return result.problems().stream().map(Problem::text).toList();
    }
}
