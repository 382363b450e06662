package io.vantage.domain.data;

/** An experiment's data cannot be placed safely (an id that is no folder name, a path outside its store). */
public class DataLocationException extends IllegalArgumentException {

    public DataLocationException(String message) {
        super(message);
    }
}
