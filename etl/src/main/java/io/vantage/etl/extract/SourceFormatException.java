package io.vantage.etl.extract;

import java.io.IOException;

/**
 * A source that cannot be read as a whole (malformed JSON, a CSV header without a required column). Unlike a bad
 * row it is never tolerated: going on would treat the unread rest as vanished.
 */
public class SourceFormatException extends IOException {

    private final String source;
    private final String location;

    public SourceFormatException(String source, String location, String message) {
        super(source + (location == null ? "" : " " + location) + ": " + message);
        this.source = source;
        this.location = location;
    }

    public String source() {
        return source;
    }

    public String location() {
        return location;
    }

    /** The message without the source and location prefix. */
    public String problem() {
        String full = getMessage();
        return full.substring(full.indexOf(": ") + 2);
    }
}
