package io.vantage.api.error;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that is well-formed but cannot be honoured now (over quota, over capacity), with what is exhausted
 * and what the person can do, as extra problem properties.
 */
public class ConflictException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    public ConflictException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
