package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.guacamole.io.ReaderGuacamoleReader;
import org.apache.guacamole.protocol.GuacamoleStatus;
import org.junit.jupiter.api.Test;

class GuacdOutputTest {

    private final List<String> messages = new ArrayList<>();

    @Test
    void passesInstructionsOnWholeAndBatched() throws Exception {
        String frame = "4.sync,4.1000;".repeat(3);
        GuacamoleStatus ended = GuacdOutput.pump(reader(frame), messages::add);

        assertThat(ended).as("guacd just hung up").isNull();
        assertThat(String.join("", messages)).isEqualTo(frame);
        assertThat(messages).as("all waiting at once: one message").hasSize(1);
    }

    @Test
    void bigBurstsAreSplitBetweenInstructions() throws Exception {
        String blob = "4.blob,1.1,6000." + "A".repeat(6000) + ";";
        GuacdOutput.pump(reader(blob.repeat(4)), messages::add);

        assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m).startsWith("4.blob").endsWith(";"));
    }

    @Test
    void tellsHowGuacdEnded() throws Exception {
        assertThat(GuacdOutput.pump(reader("5.error,7.Aborted,3.520;10.disconnect;"), messages::add))
                .isEqualTo(GuacamoleStatus.UPSTREAM_UNAVAILABLE);
        assertThat(GuacdOutput.pump(reader("10.disconnect;"), messages::add)).isEqualTo(GuacamoleStatus.SUCCESS);
        assertThat(GuacdOutput.pump(reader("5.error,3.odd;"), messages::add)).isEqualTo(GuacamoleStatus.SERVER_ERROR);
    }

    private static ReaderGuacamoleReader reader(String text) {
        return new ReaderGuacamoleReader(new StringReader(text));
    }
}
