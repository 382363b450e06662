package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import io.vantage.domain.user.Identity;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.SignIn;

class PortalJwtConverterTest {

    SignIn signIn = mock(SignIn.class);

    PortalJwtConverter converter(Duration cache) {
        AuthProperties.Oidc oidc = new AuthProperties.Oidc("http://idp", "portal", null, List.of("openid"), null,
                new AuthProperties.Claims("sub", "given_name", "family_name", "email", "email_verified", "roles"),
                Map.of(), Duration.ofSeconds(5));
        AuthProperties properties = new AuthProperties(oidc, new AuthProperties.Embedded(0, "localhost"), cache);
        when(signIn.resolve(any(Identity.class))).thenAnswer(invocation -> {
            Identity identity = invocation.getArgument(0);
            return new SignIn.SignedInUser(identity.userId(), identity.userId().equals("admin") ? Set.of("ADMIN") : Set.of());
        });
        return new PortalJwtConverter(new ClaimMapper(properties, mock(RoleRepository.class)), signIn, properties);
    }

    static Jwt token(String value, String subject) {
        return Jwt.withTokenValue(value).header("alg", "RS256").subject(subject).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).build();
    }

    static Set<String> authorities(org.springframework.security.authentication.AbstractAuthenticationToken auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aTokenUsedAgainIsResolvedOnceAndKeepsItsPerson() {
        PortalJwtConverter converter = converter(Duration.ofSeconds(30));

        var first = converter.convert(token("t-admin", "admin"));
        var again = converter.convert(token("t-admin", "admin"));
        var other = converter.convert(token("t-lise", "lise"));

        assertThat(again.getName()).isEqualTo("admin");
        assertThat(authorities(again)).isEqualTo(authorities(first)).contains("ROLE_ADMIN");
        assertThat(other.getName()).isEqualTo("lise");
        assertThat(authorities(other)).doesNotContain("ROLE_ADMIN");
        verify(signIn, times(2)).resolve(any(Identity.class));
    }

    @Test
    void withTheCacheOffEveryCallLooksThePersonUp() {
        PortalJwtConverter converter = converter(Duration.ZERO);

        converter.convert(token("t-admin", "admin"));
        converter.convert(token("t-admin", "admin"));

        verify(signIn, times(2)).resolve(any(Identity.class));
    }
}
