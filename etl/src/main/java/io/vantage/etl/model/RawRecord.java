package io.vantage.etl.model;

import java.util.Map;

/**
 * One record as the source gave it: text values by field name (null = absent), before any validation.
 *
 * @param source        file name or page URL, for messages
 * @param location      where in the source, for messages: "line 4", "record 3 (line 14)", "record 17"
 * @param values        field name → value as text; absent and empty values are null
 * @param problems      field name → what was wrong with a value the extractor could not turn into text
 * @param recordProblem what is wrong with the record as a whole (a CSV line with too many values), or null; its
 *                      values are then not trusted, only its identity is read to name it
 */
public record RawRecord(String source, String location, Map<String, String> values, Map<String, String> problems,
                        String recordProblem) {

    public RawRecord(String source, String location, Map<String, String> values, Map<String, String> problems) {
        this(source, location, values, problems, null);
    }

    public RawRecord(String source, String location, Map<String, String> values) {
        this(source, location, values, Map.of(), null);
    }

    public String get(String field) {
        return values.get(field);
    }
}
