package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.guacamole.GuacamoleServerException;
import org.apache.guacamole.protocol.GuacamoleStatus;
import org.junit.jupiter.api.Test;

class GuacdInputTest {

    private final List<String> messages = new ArrayList<>();
    /** Whether each message was said to be ASCII (which lets it go to the browser without decoding). */
    private final List<Boolean> ascii = new ArrayList<>();
    private final GuacdInput.Sink sink = (bytes, offset, length, allAscii) -> {
        String message = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (allAscii) {
            assertThat(message.chars().allMatch(c -> c < 0x80)).as("said to be ASCII: %s", message).isTrue();
        }
        messages.add(message);
        ascii.add(allAscii);
    };

    @Test
    void passesWhatArrivedTogetherOnAsOneMessageOfWholeInstructions() throws Exception {
        String frame = "4.sync,4.1000;".repeat(3);
        GuacamoleStatus ended = input(frame).pump(sink);

        assertThat(ended).as("guacd just hung up").isNull();
        assertThat(messages).containsExactly(frame);
        assertThat(ascii).containsExactly(true);
    }

    @Test
    void instructionsCutAnywhereByTheNetworkArriveWholeAndInOrder() throws Exception {
        // lengths count characters: é and the clef (a surrogate pair in Java) are 2 and 4 bytes in UTF-8
        String stream = "4.name,6.Désiré;4.blob,1.1,3.a\uD834\uDD1Eb;4.blob,1.1,40." + "A".repeat(13) + "é"
                + "\uD834\uDD1E" + "B".repeat(25) + ";" + ("4.blob,1.1,6000." + "A".repeat(6000) + ";")
                .repeat(30) + "3.nop;";
        GuacdInput input = new GuacdInput(trickle(stream.getBytes(StandardCharsets.UTF_8), 7));
        input.pump(sink);

        assertThat(String.join("", messages)).isEqualTo(stream);
        assertThat(messages).allSatisfy(m -> assertThat(m).endsWith(";"));
        assertThat(messages.get(0)).startsWith("4.name,6.Désiré;");
        assertThat(ascii.get(0)).isFalse();
        assertThat(ascii).as("the images after the text beyond ASCII").endsWith(true, true, true);

        messages.clear();
        input(stream).pump(sink); // whole, as fast reads bring it
        assertThat(String.join("", messages)).isEqualTo(stream);
    }

    @Test
    void anInstructionLargerThanTheBufferStillArrivesWhole() throws Exception {
        String big = "4.blob,1.1,200000." + "B".repeat(200_000) + ";";
        input(big + big).pump(sink);

        assertThat(String.join("", messages)).isEqualTo(big + big);
        assertThat(messages).allSatisfy(m -> assertThat(m.length() % big.length()).isZero());
    }

    @Test
    void readsOneInstructionAtATimeForTheHandshakeThenRelaysTheRest() throws Exception {
        GuacdInput input = input("4.args,13.VERSION_1_5_0,8.hostname;5.ready,5.$abcd;4.size,1.0,4.1024;");
        assertThat(input.readInstruction().getArgs()).containsExactly("VERSION_1_5_0", "hostname");
        assertThat(new String(input.read())).isEqualTo("5.ready,5.$abcd;");
        input.pump(sink);
        assertThat(messages).containsExactly("4.size,1.0,4.1024;");
    }

    @Test
    void tellsHowGuacdEnded() throws Exception {
        assertThat(input("5.error,7.Aborted,3.520;10.disconnect;").pump(sink))
                .isEqualTo(GuacamoleStatus.UPSTREAM_UNAVAILABLE);
        assertThat(input("10.disconnect;").pump(sink)).isEqualTo(GuacamoleStatus.SUCCESS);
        assertThat(input("5.error,3.odd;").pump(sink)).isEqualTo(GuacamoleStatus.SERVER_ERROR);
        assertThat(input("6.errors,1.x;").pump(sink)).as("only the opcode itself counts").isNull();
    }

    @Test
    void aBrokenStreamIsAnError() {
        assertThatThrownBy(() -> input("4.sync,4.1000;4x.nop;").pump(sink))
                .isInstanceOf(GuacamoleServerException.class);
        assertThat(messages).as("what came before the damage").containsExactly("4.sync,4.1000;");
        assertThatThrownBy(() -> input("3.nop!").pump(sink)).isInstanceOf(GuacamoleServerException.class);
    }

    private static GuacdInput input(String text) {
        return new GuacdInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a network might. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
