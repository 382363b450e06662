package io.vantage.api.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The OIDC provider: a configured one, or the embedded one when none is configured. */
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

    /** API tokens: signed by the provider's keys, from its issuer, for this portal (audience), not expired. */
    @Bean
    JwtDecoder jwtDecoder(AuthProperties properties, IssuerLocation issuer) {
        String audience = properties.oidc().requiredAudience();
        return new LazyJwtDecoder(() -> {
            org.springframework.http.client.SimpleClientHttpRequestFactory requests =
                    new org.springframework.http.client.SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(properties.oidc().timeout());
            requests.setReadTimeout(properties.oidc().timeout());
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer.uri())
                    .restOperations(new org.springframework.web.client.RestTemplate(requests)).build();
            OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>("aud",
                    aud -> aud != null && aud.contains(audience));
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(issuer.uri()), audienceValidator));
            return decoder;
        });
    }
}
