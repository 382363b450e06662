package io.vantage.api.security;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.RequestEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Discovers the provider on first use instead of at startup, so an identity provider that is down when the portal
 * starts costs logins until it is back, not the whole portal; discovery is retried on the next login, and waits
 * for the provider no longer than {@code vantage.auth.oidc.timeout}.
 */
class LazyClientRegistrationRepository implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "vantage";
    private static final Logger log = LoggerFactory.getLogger(LazyClientRegistrationRepository.class);

    private static final ParameterizedTypeReference<Map<String, Object>> DOCUMENT = new ParameterizedTypeReference<>() {
    };

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

    /**
     * The provider's discovery document, read with the configured timeout (Spring's own discovery waits 30 s),
     * and checked to be the configured issuer's (OIDC Discovery 4.3).
     */
    private Map<String, Object> discovery(String issuerUri) {
        Map<String, Object> document = IdentityProviderHttp.plain(oidc.timeout()).exchange(
                RequestEntity.get(URI.create(issuerUri.replaceAll("/$", "") + "/.well-known/openid-configuration"))
                        .build(), DOCUMENT).getBody();
        if (document == null || !issuerUri.equals(document.get("issuer"))) {
            throw new IllegalStateException("The discovery document names issuer "
                    + (document == null ? null : document.get("issuer")) + ", not " + issuerUri);
        }
        return document;
    }

    private ClientRegistration discover() {
        String issuerUri = issuer.get();
        try {
            ClientRegistration.Builder builder = ClientRegistrations.fromOidcConfiguration(discovery(issuerUri))
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
