package io.vantage.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void valuesAreEscapedForCopysTextFormatAndEncodedAsUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CopyText out = new CopyText(bytes);
        out.number(42);
        out.separator();
        out.text(null);
        out.separator();
        out.text("plain ascii");
        out.separator();
        out.text("tab\there\nline\\back\rcr");
        out.separator();
        out.text("Zo\u00eb \u4e2d \uD83D\uDE00 \\N");
        out.endRow();
        out.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "42\t\\N\tplain ascii\ttab\\there\\nline\\\\back\\rcr\tZo\u00eb \u4e2d \uD83D\uDE00 \\\\N\n");
    }

    @Test
    void longValuesCrossTheBufferIntact() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CopyText out = new CopyText(bytes);
        String ascii = "a".repeat(70_000);
        String accented = "\u00e9".repeat(40_000);
        out.text(ascii);
        out.separator();
        out.text(accented);
        out.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(ascii + "\t" + accented);
    }
}
