package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import io.vantage.api.security.AccessChange;
import io.vantage.domain.user.Identity;
import io.vantage.domain.user.RoleGrant;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.SignIn;

class PortalJwtConverterTest {

    SignIn signIn = mock(SignIn.class);
    RoleRepository roles = mock(RoleRepository.class);
    List<RoleGrant> grantsOfLise = new ArrayList<>();

    PortalJwtConverter converter(Duration cache) {
        AuthProperties.Oidc oidc = new AuthProperties.Oidc("http://idp", "portal", null, List.of("openid"), null,
                new AuthProperties.Claims("sub", "given_name", "family_name", "email", "email_verified", "roles"),
                Map.of(), Duration.ofSeconds(5));
        AuthProperties properties = new AuthProperties(oidc, new AuthProperties.Embedded(0, "localhost"), cache,
                Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        when(signIn.resolve(any(Identity.class))).thenAnswer(invocation -> {
            Identity identity = invocation.getArgument(0);
            Set<String> tokenRoles = identity.userId().equals("admin") ? Set.of("ADMIN") : Set.of();
            return new SignIn.SignedInUser(identity.userId(), tokenRoles, tokenRoles);
        });
        when(roles.findGrants(anyString())).thenAnswer(invocation ->
                invocation.getArgument(0).equals("lise") ? List.copyOf(grantsOfLise) : List.of());
        EffectiveRoles effective = new EffectiveRoles(roles, Clock.systemUTC(), properties);
        return new PortalJwtConverter(new ClaimMapper(properties, mock(RoleRepository.class)), signIn, effective,
                properties);
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
    void portalGrantsAreReadOnEveryCallThoughThePersonIsRemembered() {
        PortalJwtConverter converter = converter(Duration.ofSeconds(30));
        assertThat(authorities(converter.convert(token("t-lise", "lise")))).doesNotContain("ROLE_STAFF");

        grantsOfLise.add(new RoleGrant("STAFF", null));
        assertThat(authorities(converter.convert(token("t-lise", "lise")))).contains("ROLE_STAFF");

        grantsOfLise.set(0, new RoleGrant("STAFF", Instant.now().minusSeconds(1)));
        assertThat(authorities(converter.convert(token("t-lise", "lise")))).as("an expired grant")
                .doesNotContain("ROLE_STAFF");
        verify(signIn, times(1)).resolve(any(Identity.class));
    }

    @Test
    void anAccessChangeAboutThePersonMakesTheNextCallLookThemUpAgain() {
        PortalJwtConverter converter = converter(Duration.ofSeconds(30));
        converter.convert(token("t-lise", "lise"));
        converter.convert(token("t-admin", "admin"));

        converter.accessChanged(AccessChange.person("lise", "test"));
        converter.convert(token("t-lise", "lise"));
        converter.convert(token("t-admin", "admin"));

        verify(signIn, times(3)).resolve(any(Identity.class));
    }

    @Test
    void withTheCacheOffEveryCallLooksThePersonUp() {
        PortalJwtConverter converter = converter(Duration.ZERO);

        converter.convert(token("t-admin", "admin"));
        converter.convert(token("t-admin", "admin"));

        verify(signIn, times(2)).resolve(any(Identity.class));
    }
}
