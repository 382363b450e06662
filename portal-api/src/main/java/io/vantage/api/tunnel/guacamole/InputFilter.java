package io.vantage.api.tunnel.guacamole;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.guacamole.protocol.GuacamoleInstruction;

/**
 * What a browser may send to guacd, instruction by instruction. A whitelist: anything unknown is dropped. Watchers
 * (GUEST, or anyone while {@link #readOnly(boolean)} says so) keep only what viewing needs: acknowledging frames
 * and server streams, keep-alives and leaving. This filter is the only gate: guacd fixes a user's input handlers
 * when they join, so it is never told {@code read-only}, or a member promoted while connected could not type.
 * Used from the websocket's message thread only, except {@link #readOnly(boolean)}.
 */
final class InputFilter {

    enum Verdict {
        /** Pass on to guacd. */
        FORWARD,
        /** Pass on; it is the person's own input (counts as activity). */
        INPUT,
        DROP
    }

    /** Needed to watch: frame flow control, acknowledgements of server streams, keep-alive, leaving. */
    private static final Set<String> VIEWING = Set.of("sync", "ack", "nop", "disconnect");

    private static final Set<String> POINTER_AND_KEYS = Set.of("mouse", "key", "touch");

    private volatile boolean readOnly;
    /** Browser streams guacd has seen opened, so their data and end can follow. */
    private final Set<String> openStreams = new HashSet<>();

    InputFilter(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** Drops input from now on, or lets it through again. */
    void readOnly(boolean watching) {
        readOnly = watching;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    Verdict check(GuacamoleInstruction instruction) {
        String opcode = instruction.getOpcode();
        List<String> args = instruction.getArgs();
        if (VIEWING.contains(opcode)) {
            return Verdict.FORWARD;
        }
        boolean watching = readOnly;
        if (POINTER_AND_KEYS.contains(opcode)) {
            return watching ? Verdict.DROP : Verdict.INPUT;
        }
        return switch (opcode) {
            // resizing the shared screen is control
            case "size", "get" -> watching ? Verdict.DROP : Verdict.FORWARD;
            // browser streams: the stream index is the first argument (the second for put)
            case "clipboard", "file", "pipe", "audio" -> open(watching, args, 0,
                    "clipboard".equals(opcode) ? Verdict.INPUT : Verdict.FORWARD);
            case "put" -> open(watching, args, 1, Verdict.FORWARD);
            case "blob" -> !watching && !args.isEmpty() && openStreams.contains(args.get(0))
                    ? Verdict.FORWARD : Verdict.DROP;
            // a stream guacd saw opened may still be closed properly after the member became a watcher
            case "end" -> !args.isEmpty() && openStreams.remove(args.get(0)) ? Verdict.FORWARD : Verdict.DROP;
            // argv changes connection parameters, which only the server sets; anything else is unknown
            default -> Verdict.DROP;
        };
    }

    private Verdict open(boolean watching, List<String> args, int streamArg, Verdict verdict) {
        if (watching || args.size() <= streamArg) {
            return Verdict.DROP;
        }
        openStreams.add(args.get(streamArg));
        return verdict;
    }
}
