package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.test.util.ReflectionTestUtils;

import io.vantage.domain.user.Identity;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;

class ClaimMapperTest {

    RoleRepository roles = mock(RoleRepository.class);

    @BeforeEach
    void knownRoles() {
        when(roles.findByNameIn(anyCollection())).thenAnswer(invocation -> {
            Collection<String> names = invocation.getArgument(0);
            return names.stream().filter(Set.of("ADMIN", "STAFF", "INSTRUMENT_SCIENTIST", "beamline-d22")::contains)
                    .map(ClaimMapperTest::role).toList();
        });
    }

    static Role role(String name) {
        Role role = Role.group("placeholder", null);
        ReflectionTestUtils.setField(role, "name", name);
        return role;
    }

    ClaimMapper mapper(String idClaim, String rolesClaim, Map<String, String> mapping) {
        AuthProperties.Claims claims = new AuthProperties.Claims(idClaim, "given_name", "family_name", "email",
                "email_verified", rolesClaim);
        AuthProperties.Oidc oidc = new AuthProperties.Oidc("http://idp", "portal", null, List.of("openid"), null,
                claims, mapping, Duration.ofSeconds(5));
        return new ClaimMapper(new AuthProperties(oidc, new AuthProperties.Embedded(0, "localhost"), Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(2)), roles);
    }

    @Test
    void readsTheConfiguredClaims() {
        Identity identity = mapper("person_id", "roles", Map.of()).identity(Map.of("sub", "x", "person_id", 4711,
                "given_name", "Lise", "family_name", "Meitner", "email", "lm@example.org", "email_verified", true));
        assertThat(identity).isEqualTo(new Identity("4711", "Lise", "Meitner", "lm@example.org", true, Set.of()));
    }

    @Test
    void keycloakRealmRolesByDottedPathAndMapping() {
        Identity identity = mapper("sub", "realm_access.roles", Map.of("vantage-admins", "ADMIN")).identity(Map.of(
                "sub", "u1", "realm_access", Map.of("roles", List.of("vantage-admins", "instrument-scientist",
                        "offline_access", "uma_authorization"))));
        assertThat(identity.roles()).containsExactlyInAnyOrder("ADMIN", "INSTRUMENT_SCIENTIST");
    }

    @Test
    void unknownRolesAreIgnoredAndAbsentRolesAreEmpty() {
        assertThat(mapper("sub", "roles", Map.of()).identity(Map.of("sub", "u1", "roles", List.of("root", "god")))
                .roles()).isEmpty();
        assertThat(mapper("sub", "roles", Map.of()).identity(Map.of("sub", "u1")).roles()).isEmpty();
        assertThat(mapper("sub", "roles", Map.of()).identity(Map.of("sub", "u1", "roles", "ADMIN")).roles())
                .as("a roles claim that is not a list is ignored").isEmpty();
    }

    @Test
    void missingIdClaimIsAClearError() {
        assertThatThrownBy(() -> mapper("person_id", "roles", Map.of()).identity(Map.of("sub", "u1")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getDescription())
                        .contains("did not send the 'person_id' claim"));
        assertThatThrownBy(() -> mapper("person_id", "roles", Map.of()).identity(Map.of("person_id", " ")))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void emailVerifiedMustBeTrueToCount() {
        assertThat(mapper("sub", "roles", Map.of()).identity(Map.of("sub", "u", "email_verified", "false"))
                .emailVerified()).isFalse();
        assertThat(mapper("sub", "roles", Map.of()).identity(Map.of("sub", "u")).emailVerified()).isFalse();
    }
}
