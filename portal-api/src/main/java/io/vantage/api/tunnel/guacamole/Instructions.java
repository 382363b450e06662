package io.vantage.api.tunnel.guacamole;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.guacamole.GuacamoleClientException;
import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.apache.guacamole.protocol.GuacamoleParser;

/** Small helpers over raw Guacamole instructions ({@code LENGTH.VALUE,...;}). */
final class Instructions {

    /** The tunnel's own opcode: the UUID announcement and pings, never passed to guacd. */
    static final String INTERNAL = "";

    private Instructions() {
    }

    /** Whether a raw instruction has this opcode, without parsing the rest of it. */
    static boolean hasOpcode(char[] instruction, String opcode) {
        int dot = -1;
        int length = 0;
        for (int i = 0; i < instruction.length && i < 6; i++) {
            char c = instruction[i];
            if (c == '.') {
                dot = i;
                break;
            }
            length = length * 10 + (c - '0');
        }
        if (dot < 0 || length != opcode.length() || instruction.length < dot + 1 + length) {
            return false;
        }
        return opcode.contentEquals(java.nio.CharBuffer.wrap(instruction, dot + 1, length));
    }

    static GuacamoleInstruction parse(char[] instruction) throws GuacamoleException {
        List<GuacamoleInstruction> parsed = new ArrayList<>(1);
        parseAll(new GuacamoleParser(), instruction, i -> parsed.add(copy(i)));
        return parsed.get(0);
    }

    /**
     * Parses whole instructions (a websocket message carries one or more) and hands each over as it completes.
     * The parser keeps nothing between calls: an instruction cut in two is an error, as in guacamole-common's
     * filtered writer. An instruction's arguments are a view of the parser's storage: use it before the next one.
     */
    static void parseAll(GuacamoleParser parser, char[] chars, Consumer<GuacamoleInstruction> handler)
            throws GuacamoleException {
        int offset = 0;
        while (offset < chars.length) {
            int parsed;
            // append() takes one element at a time
            while (!parser.hasNext() && (parsed = parser.append(chars, offset, chars.length - offset)) != 0) {
                offset += parsed;
            }
            if (!parser.hasNext()) {
                throw new GuacamoleClientException("Incomplete instruction");
            }
            handler.accept(parser.next());
        }
    }

    static GuacamoleInstruction copy(GuacamoleInstruction instruction) {
        return new GuacamoleInstruction(instruction.getOpcode(), List.copyOf(instruction.getArgs()));
    }
}
