package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.guacamole.GuacamoleClientException;
import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.apache.guacamole.protocol.GuacamoleParser;
import org.junit.jupiter.api.Test;

class GuacInstructionsTest {

    @Test
    void recognisesOpcodesWithoutParsing() throws Exception {
        char[] error = new GuacamoleInstruction("error", "Aborted", "515").toString().toCharArray();
        assertThat(Instructions.hasOpcode(error, "error")).isTrue();
        assertThat(Instructions.hasOpcode(error, "errors")).isFalse();
        assertThat(Instructions.hasOpcode("4.sync,3.123;".toCharArray(), "error")).isFalse();
        assertThat(Instructions.hasOpcode("0.,4.ping;".toCharArray(), "")).isTrue();
        assertThat(Instructions.hasOpcode("5.err".toCharArray(), "error")).isFalse();
        assertThat(Instructions.parse(error).getArgs()).containsExactly("Aborted", "515");
    }

    @Test
    void parsesWholeInstructionsOfAMessage() throws Exception {
        List<GuacamoleInstruction> parsed = new ArrayList<>();
        GuacamoleParser parser = new GuacamoleParser();
        Instructions.parseAll(parser, "0.,4.ping,3.123;3.key,2.65,1.1;4.sync;".toCharArray(),
                i -> parsed.add(Instructions.copy(i)));
        assertThat(parsed).extracting(GuacamoleInstruction::toString)
                .containsExactly("0.,4.ping,3.123;", "3.key,2.65,1.1;", "4.sync;");

        assertThatThrownBy(() -> Instructions.parseAll(parser, "3.key,2.6".toCharArray(),
                parsed::add)).isInstanceOf(GuacamoleClientException.class);
        assertThatThrownBy(() -> Instructions.parseAll(
                new GuacamoleParser(), "3.key;x".toCharArray(), parsed::add))
                .isInstanceOf(GuacamoleException.class);
    }
}
