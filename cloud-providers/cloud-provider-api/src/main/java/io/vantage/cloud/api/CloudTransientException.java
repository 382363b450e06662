package io.vantage.cloud.api;

/** The cloud is busy, slow or briefly unreachable: the same call may succeed later. */
public final class CloudTransientException extends CloudProviderException {

    public CloudTransientException(String message) {
        super(message, null);
    }

    public CloudTransientException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
