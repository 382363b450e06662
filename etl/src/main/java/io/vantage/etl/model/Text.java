package io.vantage.etl.model;

import java.text.Normalizer;

/**
 * How every value from a source is cleaned before it is checked: all kinds of white space trimmed (a no-break
 * space from a spreadsheet, a zero-width space, a stray byte-order mark), Unicode in its composed form (NFC), so
 * that "Zoë" typed two ways is one name. Plain ASCII, the common case, takes a fast path.
 */
public final class Text {

    private Text() {
    }

    /** The cleaned value, or null when nothing but white space is left. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (ascii) {
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
        int start = 0;
        int end = length;
        while (start < end && blank(value.charAt(start))) {
            start++;
        }
        while (end > start && blank(value.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        String trimmed = value.substring(start, end);
        return Normalizer.isNormalized(trimmed, Normalizer.Form.NFC) ? trimmed
                : Normalizer.normalize(trimmed, Normalizer.Form.NFC);
    }

    /** White space of any kind, including no-break and zero-width spaces and the byte-order mark. */
    static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** The first control character (other than tab and line breaks where {@code multiline}), or -1. */
    public static int controlCharacter(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return i;
            }
        }
        return -1;
    }
}
