package io.vantage.api.cloud;

/** The provider an instance lives on cannot be used now: disabled, misconfigured, or its plugin is missing. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
