package io.vantage.api.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The OIDC provider: a configured one, or the embedded one when none is configured. Every call to it goes through
 * {@link IdentityProviderHttp} (timeouts), and tokens are checked with {@code vantage.auth.clock-skew}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class OidcConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(NoIssuerConfigured.class)
    EmbeddedOidcServer embeddedOidcServer(AuthProperties properties) {
        return new EmbeddedOidcServer(properties.embedded().host(), properties.embedded().port());
    }

    @Bean
    IssuerLocation issuerLocation(AuthProperties properties, ObjectProvider<EmbeddedOidcServer> embedded) {
        return properties.oidc().isExternal() ? new IssuerLocation(properties.oidc().issuerUri(), false)
                : new IssuerLocation(embedded.getObject().issuerUri(), true);
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(AuthProperties properties, IssuerLocation issuer) {
        AuthProperties.Oidc oidc = properties.oidc();
        if (issuer.embedded() && (oidc.clientSecret() == null || oidc.clientSecret().isBlank())) {
            oidc = new AuthProperties.Oidc(oidc.issuerUri(), oidc.clientId(), "embedded-demo", oidc.scopes(),
                    oidc.audience(), oidc.claims(), oidc.roleMapping(), oidc.timeout());
        }
        return new LazyClientRegistrationRepository(issuer::uri, oidc);
    }

    /** API tokens: signed by the provider's keys, from its issuer, for this portal, access tokens only, not expired. */
    @Bean
    JwtDecoder jwtDecoder(AuthProperties properties, IssuerLocation issuer) {
        return new LazyJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer.uri())
                    .restOperations(IdentityProviderHttp.plain(properties.oidc().timeout())).build();
            // Spring's defaults (certificate-bound tokens among them) with the portal's skew and typ values; the
            // AccessTokenValidator says precisely why a token is refused.
            JwtTypeValidator types = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
            types.setAllowEmpty(true);
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(types,
                    new JwtTimestampValidator(properties.clockSkew()),
                    new AccessTokenValidator(issuer.uri(), properties.oidc().requiredAudience(), properties.clockSkew()))));
            return decoder;
        });
    }

    /** ID tokens at login: Spring Security's checks, with the portal's clock skew and the key fetch's timeouts. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(AuthProperties properties) {
        Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
        return registration -> decoders.computeIfAbsent(registration.getProviderDetails().getJwkSetUri(), keys -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keys)
                    .restOperations(IdentityProviderHttp.plain(properties.oidc().timeout()))
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            OidcIdTokenValidator idToken = new OidcIdTokenValidator(registration);
            idToken.setClockSkew(properties.clockSkew());
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(properties.clockSkew()), idToken));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
    }

    /** The login's call to the token endpoint. */
    @Bean
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
            AuthProperties properties) {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(IdentityProviderHttp.tokenEndpoint(properties.oidc().timeout()));
        return client;
    }
}
