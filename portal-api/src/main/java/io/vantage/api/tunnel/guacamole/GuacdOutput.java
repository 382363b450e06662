package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.io.GuacamoleReader;
import org.apache.guacamole.protocol.GuacamoleStatus;

/** guacd → browser: whole instructions, several per websocket message while guacd has more waiting. */
final class GuacdOutput {

    /** Up to this many characters per message (guacamole-common's own tunnel uses the same). */
    static final int BATCH = 8192;

    interface Sink {
        void send(String instructions) throws IOException;
    }

    private GuacdOutput() {
    }

    /**
     * Relays until guacd hangs up.
     *
     * @return how guacd said it ended: the status of its {@code error}, SUCCESS after a plain {@code disconnect},
     *         or null when it just closed the connection
     */
    static GuacamoleStatus pump(GuacamoleReader reader, Sink browser) throws GuacamoleException, IOException {
        // a plain char[]: building a String from it is one vectorised copy, a StringBuilder copies char by char
        char[] batch = new char[2 * BATCH];
        int used = 0;
        GuacamoleStatus ended = null;
        char[] instruction;
        while ((instruction = reader.read()) != null) {
            if (Instructions.hasOpcode(instruction, "error")) {
                ended = errorStatus(instruction);
            } else if (ended == null && Instructions.hasOpcode(instruction, "disconnect")) {
                ended = GuacamoleStatus.SUCCESS;
            }
            if (used + instruction.length > batch.length) {
                batch = Arrays.copyOf(batch, used + instruction.length + BATCH);
            }
            System.arraycopy(instruction, 0, batch, used, instruction.length);
            used += instruction.length;
            // sending when nothing more is waiting keeps interaction snappy; batching keeps bulk cheap
            if (used >= BATCH || !reader.available()) {
                browser.send(new String(batch, 0, used));
                used = 0;
            }
        }
        if (used > 0) {
            browser.send(new String(batch, 0, used));
        }
        return ended;
    }

    static GuacamoleStatus errorStatus(char[] instruction) {
        try {
            List<String> args = Instructions.parse(instruction).getArgs();
            GuacamoleStatus status = args.size() >= 2
                    ? GuacamoleStatus.fromGuacamoleStatusCode(Integer.parseInt(args.get(1))) : null;
            return status != null ? status : GuacamoleStatus.SERVER_ERROR;
        } catch (GuacamoleException | RuntimeException e) {
            return GuacamoleStatus.SERVER_ERROR;
        }
    }
}
