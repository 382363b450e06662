package io.vantage.cloud.api;

/** Base of the two kinds of provider failure; the message is meant for a person. */
public abstract sealed class CloudProviderException extends RuntimeException
        permits CloudTransientException, CloudPermanentException {

    protected CloudProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract boolean isTransient();
}
