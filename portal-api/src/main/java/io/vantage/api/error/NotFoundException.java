package io.vantage.api.error;

/** A thing that does not exist, or that the caller may not know exists (answered the same way on purpose). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super("No " + kind + " '" + id + "'");
    }

    /** With a sentence of its own, for links people follow (what is missing and what to do). */
    public NotFoundException(String message) {
        super(message);
    }
}
