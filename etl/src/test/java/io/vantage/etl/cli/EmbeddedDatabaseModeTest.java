package io.vantage.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.vantage.etl.ImportFiles;

/**
 * Without spring.datasource.url the command uses the demo's embedded PostgreSQL, which lets nobody in without the
 * password kept in its data directory: the command finds and uses it.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseModeTest {

    @TempDir
    Path temp;

    @Test
    void importsIntoTheEmbeddedDatabaseThroughItsPassword(CapturedOutput output) throws Exception {
        Path dataDir = temp.resolve(".vantage/pgdata");

        int code = EtlApplication.run("--dir=" + ImportFiles.SAMPLE,
                "--vantage.database.embedded.data-dir=" + dataDir);

        assertThat(code).as(output.getAll()).isZero();
        assertThat(output.getOut()).contains("SUCCEEDED");
        assertThat(dataDir.resolve("vantage-password")).isNotEmptyFile();
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).contains("scram-sha-256").doesNotContain("trust");
    }
}
