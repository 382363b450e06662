package io.vantage.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.vantage.domain.database.EmbeddedPostgresServer;
import io.vantage.etl.ImportFiles;

/** The command end to end: the real main entry with arguments, on its own embedded database. */
@ExtendWith(OutputCaptureExtension.class)
class EtlApplicationTest {

    static String url;

    @BeforeAll
    static void database() {
        url = EmbeddedPostgresServer.freshDatabase();
    }

    @Test
    void importsTheSampleThenFindsNothingToChange(CapturedOutput output) {
        assertThat(EtlApplication.run("--dir=" + ImportFiles.SAMPLE, "--spring.datasource.url=" + url)).isZero();
        assertThat(output.getOut()).contains("experiment_members", "SUCCEEDED", "inserted 31");
        try (var db = new SingleConnectionDataSource(url, true)) {
            assertThat(new JdbcTemplate(db).queryForObject("select count(*) from experiment_users", Integer.class))
                    .isEqualTo(8);
        }

        assertThat(EtlApplication.run("--dir=sample", "--dry-run", "--spring.datasource.url=" + url)).isZero();
        assertThat(output.getOut()).contains("DRY_RUN", "Nothing changed: all 31 rows were already up to date.");
    }

    @Test
    void badDataAbortsWithExitCode2AndASummary(@TempDir Path dir, CapturedOutput output) throws Exception {
        ImportFiles.sample(dir).write("users.csv", "id,last_name\nU1,\n");

        Path problems = dir.resolve("problems.csv");
        int code = EtlApplication.run("--dir=" + dir, "--problems=" + problems, "--spring.datasource.url=" + url);

        assertThat(code).isEqualTo(2);
        assertThat(Files.readAllLines(problems)).as("a header and all 14 problems").hasSize(15)
                .startsWith("severity,kind,record_id,file,line,field,problem",
                        "row,users,U1,users.csv,line 2,last_name,a value is required but the field is missing or empty",
                        "row,roles,U1001 / STAFF,roles.csv,line 2,user_id,\"refers to user 'U1001', which is not in the"
                                + " import\"");
        assertThat(output.getOut()).contains("ABORTED",
                "users.csv line 2, user 'U1', field last_name: a value is required but the field is missing or empty.",
                "nothing was changed");
        assertThat(Files.exists(dir.resolve("users.csv"))).isTrue();
    }

    @Test
    void aTruncatedExportStopsWithExitCode3UntilTheEndingIsConfirmed(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        String own = EmbeddedPostgresServer.freshDatabase(); // the other tests import the sample into theirs
        ImportFiles.copy(ImportFiles.MESSY.resolve("clean"), dir);
        assertThat(EtlApplication.run("--dir=" + dir, "--spring.datasource.url=" + own)).isZero();
        ImportFiles.copy(ImportFiles.MESSY.resolve("truncated"), dir);

        assertThat(EtlApplication.run("--dir=" + dir, "--spring.datasource.url=" + own)).isEqualTo(3);
        assertThat(output.getOut()).contains("NEEDS_CONFIRMATION", "--confirm-ending");
        assertThat(EtlApplication.run("--dir=" + dir, "--confirm-ending", "--spring.datasource.url=" + own)).isZero();
        assertThat(output.getOut()).contains("Ending confirmed on the command line.");
    }

    @Test
    void maxErrorsNeedsTheSkipInvalidPolicy(CapturedOutput output) {
        assertThat(EtlApplication.run("--policy=all-or-nothing", "--max-errors=3", "--spring.datasource.url=" + url))
                .isEqualTo(EtlApplication.USAGE_ERROR);
        assertThat(output.getErr()).contains("--max-errors only applies with --policy=skip-invalid");
    }

    @Test
    void aBadCommandLineIsExplained(CapturedOutput output) {
        assertThat(EtlApplication.run("--source=ftp", "--spring.datasource.url=" + url))
                .isEqualTo(EtlApplication.USAGE_ERROR);
        assertThat(output.getErr()).contains("vantage-etl: --source must be files, rest or scicat, not 'ftp'",
                "Usage: java -jar vantage-etl.jar");
    }
}
