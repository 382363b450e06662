package io.vantage.bench.guacamole;

/**
 * Walks raw Guacamole instructions ({@code LENGTH.VALUE,...;}) without building objects, calling back for each
 * {@code sync} with its first argument. Both benchmark clients use it, so they do the same work per byte.
 */
final class Scanner {

    interface SyncHandler {
        void sync(String timestamp);
    }

    private Scanner() {
    }

    static void scan(CharSequence text, SyncHandler handler) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            boolean first = true;
            boolean sync = false;
            boolean instructionEnd = false;
            int element = 0;
            while (!instructionEnd && i < n) {
                int length = 0;
                char c;
                while ((c = text.charAt(i++)) != '.') {
                    length = length * 10 + (c - '0');
                }
                int start = i;
                i += length;
                if (first) {
                    sync = length == 4 && text.charAt(start) == 's' && "sync".contentEquals(text.subSequence(start, i));
                    first = false;
                } else if (sync && element == 1) {
                    handler.sync(text.subSequence(start, i).toString());
                }
                element++;
                instructionEnd = text.charAt(i++) == ';';
            }
        }
    }

    static String instruction(String opcode, String... args) {
        StringBuilder out = new StringBuilder().append(opcode.length()).append('.').append(opcode);
        for (String arg : args) {
            out.append(',').append(arg.length()).append('.').append(arg);
        }
        return out.append(';').toString();
    }
}
