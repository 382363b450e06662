package io.vantage.api.tunnel.guacamole;

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
        GuacamoleParser parser = new GuacamoleParser();
        int offset = 0;
        while (offset < instruction.length && !parser.hasNext()) {
            int parsed = parser.append(instruction, offset, instruction.length - offset);
            if (parsed == 0) {
                break;
            }
            offset += parsed;
        }
        return parser.next();
    }

    /** UTF-8 size, for the traffic metrics (instructions are mostly ASCII). */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
