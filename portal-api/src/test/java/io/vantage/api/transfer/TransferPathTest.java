package io.vantage.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vantage.api.error.FieldException;

class TransferPathTest {

    @Test
    void plainNamesBelowTheHome() {
        assertThat(TransferPath.parse("data/EXP-1/run 1.nxs").names()).containsExactly("data", "EXP-1", "run 1.nxs");
        assertThat(TransferPath.parse("").isHome()).isTrue();
        assertThat(TransferPath.parse("results").child("fit.csv").toString()).isEqualTo("results/fit.csv");
        assertThat(TransferPath.parse("é/ü.txt").name()).isEqualTo("ü.txt");
    }

    @Test
    void tricksAreRefusedNamingThePath() {
        for (String trick : List.of("../x", "a/../../x", "a/./b", "/etc/passwd", "~/x", "a//b", "a/", "a\\..\\b",
                "a/\u0000b", "line\nbreak", "x".repeat(256))) {
            assertThatThrownBy(() -> TransferPath.parse(trick)).as(trick).isInstanceOfSatisfying(FieldException.class,
                    e -> assertThat(e.field()).isEqualTo("path"));
        }
    }

    @Test
    void downloadNamesAreSafeInAHeader() {
        assertThat(SafeFileName.of("a\"b;c\r\n.txt")).isEqualTo("a_b_c__.txt");
        assertThat(SafeFileName.of("..")).isEqualTo("download");
        assertThat(SafeFileName.of("résumé.pdf")).isEqualTo("résumé.pdf");
    }

    @Test
    void limitsReadAsPeopleDo() {
        assertThat(UploadSizeException.human(60L << 20)).isEqualTo("60 MiB");
        assertThat(UploadSizeException.human(1L << 30)).isEqualTo("1 GiB");
        assertThat(UploadSizeException.human(1536)).isEqualTo("1.5 KiB");
    }
}
