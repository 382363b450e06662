package io.vantage.etl.model;

/**
 * One field of an entity as the sources deliver it, and as its staging column holds it.
 *
 * @param name      field name in CSV headers, JSON keys and REST mappings
 * @param kind      how the text is read
 * @param maxLength longest accepted text (the column's length), 0 = unlimited
 * @param required  a record without it is rejected
 * @param ref       the entity this field refers to by id, or null
 */
public record Field(String name, Kind kind, int maxLength, boolean required, EntityType ref) {

    public enum Kind {
        /** One line: control characters (tab and line breaks included) are rejected. */
        TEXT("text"),
        /** Titles and summaries: line breaks and tabs are kept. */
        MULTILINE_TEXT("text"),
        /** An e-mail address, stored in lower case. */
        EMAIL("text"),
        /** A portal role's name, after the configured mapping (vantage.etl.role-mapping). */
        ROLE("text"),
        /** ISO date, 2024-05-01. */
        DATE("date"),
        /** ISO date-time with or without offset, or a date (start of day); see EtlProperties.timeZone. */
        TIMESTAMP("timestamptz"),
        /** An experiment member's role; absent = PARTICIPANT. */
        MEMBER_ROLE("text");

        private final String sqlType;

        Kind(String sqlType) {
            this.sqlType = sqlType;
        }

        public String sqlType() {
            return sqlType;
        }
    }

    static Field id(String name) {
        return new Field(name, Kind.TEXT, 64, true, null);
    }

    static Field ref(String name, EntityType target, boolean required) {
        return new Field(name, Kind.TEXT, 64, required, target);
    }

    static Field text(String name, int maxLength, boolean required) {
        return new Field(name, Kind.TEXT, maxLength, required, null);
    }

    static Field of(String name, Kind kind, boolean required) {
        return new Field(name, kind, 0, required, null);
    }

    static Field of(String name, Kind kind, int maxLength, boolean required) {
        return new Field(name, kind, maxLength, required, null);
    }

    /** Text values that may be checked for length and control characters. */
    public boolean textual() {
        return kind == Kind.TEXT || kind == Kind.MULTILINE_TEXT || kind == Kind.EMAIL || kind == Kind.ROLE;
    }
}
