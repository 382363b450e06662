package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
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
        StringBuilder batch = new StringBuilder(BATCH);
        GuacamoleStatus ended = null;
        char[] instruction;
        while ((instruction = reader.read()) != null) {
            if (Instructions.hasOpcode(instruction, "error")) {
                ended = errorStatus(instruction);
            } else if (ended == null && Instructions.hasOpcode(instruction, "disconnect")) {
                ended = GuacamoleStatus.SUCCESS;
            }
            batch.append(instruction);
            // sending when nothing more is waiting keeps interaction snappy; batching keeps bulk cheap
            if (batch.length() >= BATCH || !reader.available()) {
                browser.send(batch.toString());
                batch.setLength(0);
            }
        }
        if (!batch.isEmpty()) {
            browser.send(batch.toString());
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
