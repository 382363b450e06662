package io.vantage.domain.data;

/** A data store definition that cannot be used, naming the field at fault. */
public class DataStoreException extends IllegalArgumentException {

    private final String field;

    public DataStoreException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
