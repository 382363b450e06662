package io.vantage.etl.model;

/**
 * Something wrong with the data, located precisely enough to fix it at the source.
 *
 * @param fatal    the source could not be read as a whole (or the database refused the data): the run stops
 *                 whatever the policy
 * @param entity   the kind of record, or null when the problem is not about one kind
 * @param recordId the record's identity as the user office writes it ("U1003", "EXP-1 / U1004"), or null when the
 *                 record has none
 * @param source   file name or URL
 * @param location "line 4", "record 3 (line 14)", "record 17", or null for the source as a whole
 * @param field    the field concerned, or null for the whole record
 * @param message  what is wrong, as the end of a sentence
 */
public record Problem(boolean fatal, EntityType entity, String recordId, String source, String location,
                      String field, String message) {

    /** A problem of one record. */
    public static Problem of(EntityType entity, String recordId, String source, String location, String field,
                             String message) {
        return new Problem(false, entity, recordId, source, location, field, message);
    }

    /** A source that cannot be read as a whole. */
    public static Problem fatal(EntityType entity, String source, String location, String message) {
        return new Problem(true, entity, null, source, location, null, message);
    }

    /** "users.csv line 4, user 'U1003', field last_name: a value is required." */
    public String text() {
        StringBuilder text = new StringBuilder(source);
        if (location != null) {
            text.append(' ').append(location);
        }
        if (recordId != null && entity != null) {
            text.append(", ").append(entity.noun()).append(" '").append(recordId).append('\'');
        }
        if (field != null) {
            text.append(", field ").append(field);
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
