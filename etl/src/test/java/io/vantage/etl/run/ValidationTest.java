package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.model.Problem;

/** Problems across records, the max-errors threshold, and what an aborted run leaves behind. */
class ValidationTest extends DatabaseTest {

    @Test
    void duplicateIdsAreReportedWithBothPlaces() throws Exception {
        files.append("users.csv", "U1003,Aiko,Tanaka-Twin,aiko2@esrf.example,EMP-ESRF\n")
                .append("experiment_members.csv", "EXP-9-10-1701-1,U1004,PARTICIPANT\n")
                .append("employers.csv", "EMP-X,Another,,\n");

        RunResult result = run();

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(texts(result)).containsExactlyInAnyOrder(
                "users.csv line 8, field id: duplicate user id 'U1003', already given at line 4; this one is skipped.",
                "experiment_members.csv line 10, field experiment_id+user_id: duplicate experiment member"
                        + " (experiment_id, user_id) 'EXP-9-10-1701-1 / U1004', already given at line 3;"
                        + " this one is skipped.");
    }

    @Test
    void unknownReferencesAreReported() throws Exception {
        files.append("experiments.csv", "EXP-X,NO-SUCH-PROPOSAL,D22,,2025-01-01,2025-01-02,\n")
                .append("experiment_members.csv", "EXP-4-01-1688-1,U9999,PARTICIPANT\n")
                .append("instrument_scientists.csv", "D99,U1001\n");

        RunResult result = run();

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(texts(result)).containsExactly(
                "instrument_scientists.csv line 4, field instrument_id: refers to instrument 'D99', which is not in"
                        + " the import (or was rejected there).",
                "experiments.csv line 6, field proposal_id: refers to proposal 'NO-SUCH-PROPOSAL', which is not in"
                        + " the import (or was rejected there).",
                "experiment_members.csv line 10, field user_id: refers to user 'U9999', which is not in the import"
                        + " (or was rejected there).");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void aRejectedRowAlsoRejectsWhatRefersToIt() throws Exception {
        files.write("proposals.csv", "id,title\n9-10-1701,\n4-01-1688,Magnons\nEASY-1322,Lipids\n");

        RunResult result = run(false, 10);

        assertThat(texts(result)).startsWith(
                "proposals.csv line 2, field title: a value is required but the field is missing or empty.",
                "experiments.csv line 2, field proposal_id: refers to proposal '9-10-1701', which is not in the import"
                        + " (or was rejected there).");
        assertThat(result.errorCount()).as("1 proposal, its 2 experiments, their 5 members").isEqualTo(8);
        assertThat(result.outcome()).as("within max-errors: the rest is loaded").isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.message()).endsWith("8 problem(s) tolerated: those rows were skipped.");
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
        assertThat(result.message()).isEqualTo(
                "Aborted: 3 problem(s) found, more than the 0 tolerated (max-errors); nothing was changed.");
        assertThat(checksum()).isEqualTo(before);
        var row = jdbc.queryForMap("select outcome, error_count, errors::text as errors, counts::text as counts"
                + " from etl_runs where id = ?", result.runId());
        assertThat(row.get("outcome")).isEqualTo("ABORTED");
        assertThat(row.get("error_count")).isEqualTo(3);
        assertThat((String) row.get("errors")).contains("\"field\": \"end_date\"", "\"location\": \"line 4\"",
                "15/06/2025");
        assertThat(row.get("counts")).isEqualTo("{}");
    }

    @Test
    void errorsAreCappedInTheRecordButAllCounted() throws Exception {
        StringBuilder many = new StringBuilder("id,name\n");
        for (int i = 0; i < 250; i++) {
            many.append("I").append(i).append(",\n");
        }
        files.write("instruments.csv", many.toString());

        RunResult result = run();

        assertThat(result.errorCount()).isGreaterThanOrEqualTo(250);
        assertThat(result.problems()).hasSize(200);
        assertThat(jdbc.queryForObject("select jsonb_array_length(errors) from etl_runs where id = ?", Integer.class,
                result.runId())).isEqualTo(200);
        assertThat(jdbc.queryForObject("select error_count from etl_runs where id = ?", Long.class, result.runId()))
                .isEqualTo(result.errorCount());
    }

    @Test
    void badEncodingIsAProblemOfItsLineAndField() throws Exception {
        byte[] latin1 = "id,name,town,country_code\nEMP-ILL,Institut Laue-Langevin,Gr\u00e9noble,FR\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        files.write("employers.csv", latin1);

        RunResult result = run(false, 5);

        assertThat(texts(result)).first().isEqualTo("employers.csv line 2, field town: the value holds bytes that are"
                + " not valid UTF-8 (at character 3); save the file as UTF-8.");
    }

    @Test
    void aFileUnreadableAsAWholeAbortsWhateverTheThreshold() throws Exception {
        files.write("proposals.json", "[{\"id\": \"P1\", \"title\": \"T\"},");

        RunResult result = run(false, 1000);

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(result.message()).startsWith("Aborted: a source could not be read as a whole");
        assertThat(texts(result).get(0)).startsWith("proposals.json line 1, column 29: the JSON is malformed");
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
