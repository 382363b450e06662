package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.guacamole.protocol.GuacamoleInstruction;
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
    void countsUtf8Bytes() {
        assertThat(Instructions.utf8Length("4.sync;")).isEqualTo(7);
        assertThat(Instructions.utf8Length("é€😀")).isEqualTo(2 + 3 + 4);
    }
}
