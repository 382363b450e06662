package io.vantage.cloud.api;

/** Retrying will not help (over quota, unknown image, forbidden, bad settings); the message says what to do. */
public final class CloudPermanentException extends CloudProviderException {

    public CloudPermanentException(String message) {
        super(message, null);
    }

    public CloudPermanentException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
