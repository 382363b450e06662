package io.vantage.api.security;

/** The OIDC provider could not be reached or answered nonsense; logins cannot proceed until it is back. */
public class IdentityProviderUnavailableException extends RuntimeException {

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
