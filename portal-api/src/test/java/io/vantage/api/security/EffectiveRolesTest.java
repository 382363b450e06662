package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vantage.api.security.AccessChange;
import io.vantage.domain.user.RoleGrant;
import io.vantage.domain.user.RoleRepository;

class EffectiveRolesTest {

    RoleRepository repository = mock(RoleRepository.class);
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    Instant[] now = {start};
    Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    };

    EffectiveRoles roles(Duration cache) {
        AuthProperties.Oidc oidc = new AuthProperties.Oidc(null, "portal", null, List.of("openid"), null,
                new AuthProperties.Claims("sub", "given_name", "family_name", "email", "email_verified", "roles"),
                Map.of(), Duration.ofSeconds(5));
        return new EffectiveRoles(repository, clock, new AuthProperties(oidc, new AuthProperties.Embedded(0, "localhost"),
                Duration.ZERO, cache, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(2)));
    }

    @Test
    void loginRolesPlusGrantsThatHaveNotRunOut() {
        when(repository.findGrants("u")).thenReturn(List.of(new RoleGrant("ADMIN", start.plusSeconds(60)),
                new RoleGrant("STAFF", null)));
        EffectiveRoles roles = roles(Duration.ofSeconds(5));

        assertThat(roles.of("u", Set.of("GUEST"))).containsOnly("GUEST", "ADMIN", "STAFF");
        assertThat(roles.isAdmin("u", Set.of())).isTrue();
        now[0] = start.plusSeconds(60);
        assertThat(roles.of("u", Set.of("GUEST"))).as("at its expiry, though remembered").containsOnly("GUEST", "STAFF");
        verify(repository, times(1)).findGrants("u");
    }

    @Test
    void grantsAreRememberedUntilAnAccessChangeAboutThePerson() {
        when(repository.findGrants("u")).thenReturn(List.of(new RoleGrant("ADMIN", null)));
        EffectiveRoles roles = roles(Duration.ofSeconds(5));
        roles.of("u", Set.of());
        roles.of("u", Set.of());
        verify(repository, times(1)).findGrants("u");

        when(repository.findGrants("u")).thenReturn(List.of());
        roles.accessChanged(AccessChange.member(7L, "u", "an instance change is not a role change"));
        assertThat(roles.isAdmin("u", Set.of())).isTrue();
        roles.accessChanged(AccessChange.person("u", "revoked"));
        assertThat(roles.isAdmin("u", Set.of())).isFalse();
    }

    @Test
    void withoutACacheEveryCallReads() {
        when(repository.findGrants("u")).thenReturn(List.of());
        EffectiveRoles roles = roles(Duration.ZERO);
        roles.of("u", Set.of());
        roles.of("u", Set.of());
        verify(repository, times(2)).findGrants("u");
    }
}
