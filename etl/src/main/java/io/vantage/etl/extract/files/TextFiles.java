package io.vantage.etl.extract.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.vantage.etl.extract.JsonValues;

/** Reading user-office files as UTF-8 without stopping at the first bad byte, so the bad field can be named. */
final class TextFiles {

    private TextFiles() {
    }

    /**
     * A reader that turns invalid UTF-8 into U+FFFD (InputStreamReader with a Charset replaces rather than throws)
     * and skips a leading byte-order mark, which spreadsheet exports like to add.
     */
    static Reader utf8(Path path) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Moves values that held bytes which were not UTF-8 from {@code values} to {@code problems}. */
    static void flagBadEncoding(Map<String, String> values, Map<String, String> problems) {
        problems.putAll(badEncoding(values));
    }

    /**
     * Moves values that held bytes which were not UTF-8 out of {@code values}; answers field → problem (an
     * immutable empty map, the common case, allocates nothing).
     */
    static Map<String, String> badEncoding(Map<String, String> values) {
        Map<String, String> problems = null;
        for (var entry : values.entrySet()) {
            String value = entry.getValue();
            if (value != null && value.indexOf(JsonValues.REPLACEMENT) >= 0) {
                problems = problems == null ? new java.util.HashMap<>() : problems;
                problems.put(entry.getKey(), "the value holds bytes that are not valid UTF-8 (at character "
                        + (value.indexOf(JsonValues.REPLACEMENT) + 1) + "); save the file as UTF-8");
            }
        }
        if (problems == null) {
            return Map.of();
        }
        problems.keySet().forEach(values::remove);
        return problems;
    }
}
