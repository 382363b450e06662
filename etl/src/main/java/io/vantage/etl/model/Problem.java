package io.vantage.etl.model;

/**
 * Something wrong with the data, located precisely enough to fix it at the source.
 *
 * @param source   file name or URL
 * @param location "line 4", "record 3 (line 14)", "record 17", or null for the source as a whole
 * @param field    the field concerned, or null
 * @param message  what is wrong, as the end of a sentence
 */
public record Problem(String source, String location, String field, String message) {

    /** "users.csv line 4, field last_name: a value is required." */
    public String text() {
        StringBuilder text = new StringBuilder(source);
        if (location != null) {
            text.append(' ').append(location);
        }
        if (field != null) {
            text.append(location == null ? ", field " : ", field ").append(field);
        }
        text.append(": ").append(message);
        if (!message.endsWith(".")) {
            text.append('.');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
