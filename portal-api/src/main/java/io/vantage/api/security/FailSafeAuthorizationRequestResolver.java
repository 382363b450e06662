package io.vantage.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/** Turns "the provider cannot be discovered" into a login failure the person sees, instead of a 500 page. */
class FailSafeAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

    private final OAuth2AuthorizationRequestResolver delegate;

    FailSafeAuthorizationRequestResolver(OAuth2AuthorizationRequestResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        try {
            return delegate.resolve(request);
        } catch (IdentityProviderUnavailableException e) {
            throw unavailable(e);
        }
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        try {
            return delegate.resolve(request, registrationId);
        } catch (IdentityProviderUnavailableException e) {
            throw unavailable(e);
        }
    }

    private static OAuth2AuthenticationException unavailable(IdentityProviderUnavailableException e) {
        return new OAuth2AuthenticationException(new OAuth2Error("idp_unavailable", e.getMessage(), null), e);
    }
}
