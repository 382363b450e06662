package io.vantage.api.security;

import java.io.Serial;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A login or API token lacks the claim that names the person in the portal. */
final class MissingClaimException extends OAuth2AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String claim;

    MissingClaimException(String claim) {
        super(new OAuth2Error(ClaimMapper.MISSING_CLAIM, "Your identity provider did not send the '" + claim
                + "' claim that identifies you in the portal. Please contact the facility's IT support.", null));
        this.claim = claim;
    }

    String claim() {
        return claim;
    }
}
