package io.vantage.api.error;

/** Bad input in one named field, found by a rule Bean Validation cannot express. */
public class FieldException extends RuntimeException {

    private final String field;

    public FieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
