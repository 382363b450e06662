package io.vantage.api.security;

import java.io.Serial;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** Why an API token was refused, in a word for programs ({@link #reason}) and a sentence for people. */
final class RefusedToken extends OAuth2Error {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String EXPIRED = "expired";
    static final String NOT_YET_VALID = "not_yet_valid";
    static final String AUDIENCE = "audience";
    static final String ISSUER = "issuer";
    static final String ID_TOKEN = "id_token";
    static final String NOT_AN_ACCESS_TOKEN = "not_an_access_token";
    static final String SIGNATURE = "signature";
    static final String MALFORMED = "malformed";
    static final String MISSING_CLAIM = "missing_claim";
    static final String OTHER = "invalid";

    private final String reason;

    RefusedToken(String reason, String description) {
        super(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
