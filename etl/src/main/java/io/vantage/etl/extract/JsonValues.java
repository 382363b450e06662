package io.vantage.etl.extract;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.vantage.etl.model.Text;

/** Turns JSON values into the text every source is normalised to. */
public final class JsonValues {

    /** U+FFFD: what a lenient UTF-8 decoder puts where the bytes were not UTF-8. */
    public static final char REPLACEMENT = '\uFFFD';

    private JsonValues() {
    }

    /**
     * Puts {@code node}'s text under {@code field}, or a problem if it is an object or an array. Strings are cleaned
     * (trimmed of every kind of white space, NFC);
     * empty strings, nulls and missing nodes give null.
     */
    public static void put(String field, JsonNode node, Map<String, String> values, Map<String, String> problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            values.put(field, null);
        } else if (node.isContainer()) {
            problems.put(field, "expected a single value but found " + (node.isArray() ? "an array" : "an object"));
        } else {
            values.put(field, blankToNull(node.asString()));
        }
    }

    /** Cleaned as every source value is (see {@link Text#clean}); null when nothing is left. */
    public static String blankToNull(String text) {
        return Text.clean(text);
    }
}
