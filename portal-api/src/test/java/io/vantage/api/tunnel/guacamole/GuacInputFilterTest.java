package io.vantage.api.tunnel.guacamole;

import static io.vantage.api.tunnel.guacamole.InputFilter.Verdict.DROP;
import static io.vantage.api.tunnel.guacamole.InputFilter.Verdict.FORWARD;
import static io.vantage.api.tunnel.guacamole.InputFilter.Verdict.INPUT;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.junit.jupiter.api.Test;

class GuacInputFilterTest {

    private static GuacamoleInstruction i(String opcode, String... args) {
        return new GuacamoleInstruction(opcode, args);
    }

    @Test
    void controllingMemberSendsInputAndStreamsItOpened() {
        InputFilter filter = new InputFilter(false);
        assertThat(filter.check(i("mouse", "10", "20", "1"))).isEqualTo(INPUT);
        assertThat(filter.check(i("key", "65", "1"))).isEqualTo(INPUT);
        assertThat(filter.check(i("touch", "0", "1", "1", "5", "5", "0", "1"))).isEqualTo(INPUT);
        assertThat(filter.check(i("size", "1280", "800"))).isEqualTo(FORWARD);
        assertThat(filter.check(i("clipboard", "3", "text/plain"))).isEqualTo(INPUT);
        assertThat(filter.check(i("blob", "3", "aGVsbG8="))).isEqualTo(FORWARD);
        assertThat(filter.check(i("end", "3"))).isEqualTo(FORWARD);
        assertThat(filter.check(i("blob", "3", "bGF0ZQ=="))).as("stream already ended").isEqualTo(DROP);
        assertThat(filter.check(i("blob", "9", "eA=="))).as("never opened").isEqualTo(DROP);
        assertThat(filter.check(i("put", "1", "4", "text/plain", "/a.txt"))).isEqualTo(FORWARD);
        assertThat(filter.check(i("blob", "4", "eA=="))).isEqualTo(FORWARD);
    }

    @Test
    void watcherKeepsOnlyWhatViewingNeeds() {
        InputFilter filter = new InputFilter(true);
        for (String opcode : new String[] {"sync", "ack", "nop", "disconnect"}) {
            assertThat(filter.check(i(opcode, "1"))).as(opcode).isEqualTo(FORWARD);
        }
        assertThat(filter.check(i("mouse", "10", "20", "1"))).isEqualTo(DROP);
        assertThat(filter.check(i("key", "65", "1"))).isEqualTo(DROP);
        assertThat(filter.check(i("touch", "0", "1", "1", "5", "5", "0", "1"))).isEqualTo(DROP);
        assertThat(filter.check(i("size", "1280", "800"))).isEqualTo(DROP);
        assertThat(filter.check(i("clipboard", "3", "text/plain"))).isEqualTo(DROP);
        assertThat(filter.check(i("blob", "3", "aGVsbG8="))).isEqualTo(DROP);
        assertThat(filter.check(i("end", "3"))).isEqualTo(DROP);
        assertThat(filter.check(i("file", "5", "text/plain", "a.txt"))).isEqualTo(DROP);
        assertThat(filter.check(i("pipe", "6", "text/plain", "p"))).isEqualTo(DROP);
        assertThat(filter.check(i("get", "1", "/"))).isEqualTo(DROP);
        assertThat(filter.check(i("put", "1", "4", "text/plain", "/a.txt"))).isEqualTo(DROP);
        assertThat(filter.check(i("audio", "7", "audio/L16"))).isEqualTo(DROP);
    }

    @Test
    void argvAndUnknownOpcodesNeverPass() {
        InputFilter filter = new InputFilter(false);
        assertThat(filter.check(i("argv", "2", "text/plain", "password"))).isEqualTo(DROP);
        assertThat(filter.check(i("blob", "2", "c2VjcmV0"))).as("data of the dropped argv stream").isEqualTo(DROP);
        assertThat(filter.check(i("end", "2"))).isEqualTo(DROP);
        assertThat(filter.check(i("select", "vnc"))).isEqualTo(DROP);
        assertThat(filter.check(i("connect", "x"))).isEqualTo(DROP);
        assertThat(filter.check(i("clipboard"))).as("missing stream index").isEqualTo(DROP);
    }

    @Test
    void becomingReadOnlyStopsInputButLetsOpenStreamsEnd() {
        InputFilter filter = new InputFilter(false);
        assertThat(filter.check(i("clipboard", "1", "text/plain"))).isEqualTo(INPUT);

        filter.readOnly(true);

        assertThat(filter.isReadOnly()).isTrue();
        assertThat(filter.check(i("key", "65", "1"))).isEqualTo(DROP);
        assertThat(filter.check(i("blob", "1", "aGVsbG8="))).isEqualTo(DROP);
        assertThat(filter.check(i("end", "1"))).isEqualTo(FORWARD);
        assertThat(filter.check(i("sync", "123"))).isEqualTo(FORWARD);
    }

    @Test
    void aWatcherGivenControlTypesAndPastesAgain() {
        InputFilter filter = new InputFilter(true);
        assertThat(filter.check(i("key", "65", "1"))).isEqualTo(DROP);

        filter.readOnly(false);

        assertThat(filter.isReadOnly()).isFalse();
        assertThat(filter.check(i("key", "65", "1"))).isEqualTo(INPUT);
        assertThat(filter.check(i("size", "1024", "768"))).isEqualTo(FORWARD);
        assertThat(filter.check(i("clipboard", "3", "text/plain"))).isEqualTo(INPUT);
        assertThat(filter.check(i("blob", "3", "aGVsbG8="))).isEqualTo(FORWARD);
    }
}
