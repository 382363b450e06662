package io.vantage.api.security;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Discovers the provider on first use instead of at startup, so an identity provider that is down when the portal
 * starts costs logins until it is back, not the whole portal; discovery is retried on the next login.
 */
class LazyClientRegistrationRepository implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "vantage";
    private static final Logger log = LoggerFactory.getLogger(LazyClientRegistrationRepository.class);

    private final Supplier<String> issuer;
    private final AuthProperties.Oidc oidc;
    private volatile ClientRegistration registration;

    LazyClientRegistrationRepository(Supplier<String> issuer, AuthProperties.Oidc oidc) {
        this.issuer = issuer;
        this.oidc = oidc;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration current = registration;
        if (current == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                current = registration;
            }
        }
        return current;
    }

    private ClientRegistration discover() {
        String issuerUri = issuer.get();
        try {
            ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(issuerUri)
                    .registrationId(REGISTRATION_ID)
                    .clientId(oidc.clientId())
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(oidc.scopes())
                    .userNameAttributeName("sub");
            if (oidc.clientSecret() == null || oidc.clientSecret().isBlank()) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            } else {
                builder.clientSecret(oidc.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
            }
            ClientRegistration discovered = builder.build();
            log.info("Discovered OIDC provider {}", issuerUri);
            return discovered;
        } catch (RuntimeException e) {
            log.warn("OIDC provider {} is not reachable: {}", issuerUri, e.getMessage());
            throw new IdentityProviderUnavailableException(
                    "The login service (" + issuerUri + ") is not reachable right now. Please try again in a few minutes.", e);
        }
    }
}
