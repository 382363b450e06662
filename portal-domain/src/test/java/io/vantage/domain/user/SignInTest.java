package io.vantage.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.vantage.domain.DomainJpaTest;

/** Which roles a login or token holds, and what is recorded of them. */
@DomainJpaTest
@Import(SignIn.class)
@RecordApplicationEvents
class SignInTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager em;

    @Autowired
    RoleRepository roles;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    static Identity identity(String id, String... roles) {
        return new Identity(id, "Ada", "Lovelace", null, false, Set.of(roles));
    }

    private void flushAndClear() {
        em.flush();
        em.clear();
    }

    @Test
    void rolesFromAnEarlierLoginNeverCountForALaterToken() {
        assertThat(signIn.signIn(identity("sign-1", "ADMIN", "STAFF")).roles()).containsOnly("ADMIN", "STAFF");
        flushAndClear();

        SignIn.SignedInUser token = signIn.resolve(identity("sign-1", "STAFF"));

        assertThat(token.roles()).containsOnly("STAFF");
        assertThat(token.loginRoles()).containsOnly("STAFF");
        flushAndClear();
        assertThat(jdbc.queryForList("""
                select r.name from user_roles ur join roles r on r.id = ur.role_id
                where ur.user_id = 'sign-1' and ur.source = 'IDENTITY_PROVIDER'""", String.class))
                .as("the recorded provider roles follow the latest token").containsOnly("STAFF");
        assertThat(events.stream(ProviderRolesChanged.class)).containsExactly(
                new ProviderRolesChanged("sign-1"), new ProviderRolesChanged("sign-1"));
    }

    @Test
    void portalGrantsCountUntilTheyExpireAndTokenRolesCountForTheirToken() {
        signIn.signIn(identity("sign-2"));
        flushAndClear();
        // PostgreSQL keeps microseconds and rounds the rest: an instant with nanoseconds could come back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User user = em.find(User.class, "sign-2");
        user.grant(roles.require(SystemRole.ADMIN), RoleSource.PORTAL, null, now, now.plus(1, ChronoUnit.HOURS));
        user.grant(roles.require(SystemRole.IT_SUPPORT), RoleSource.USER_OFFICE, null, now, null);
        flushAndClear();

        assertThat(signIn.resolve(identity("sign-2", "GUEST")).roles()).containsOnly("ADMIN", "IT_SUPPORT", "GUEST");
        assertThat(roles.findGrants("sign-2")).extracting(RoleGrant::role).containsOnly("ADMIN", "IT_SUPPORT");
        assertThat(roles.findGrants("sign-2")).filteredOn(grant -> grant.role().equals("ADMIN")).singleElement()
                .satisfies(grant -> {
                    assertThat(grant.activeAt(now.plus(59, ChronoUnit.MINUTES))).isTrue();
                    assertThat(grant.activeAt(now.plus(1, ChronoUnit.HOURS))).isFalse();
                });
        assertThat(roles.findUsersWithGrantsExpiredBetween(now, now.plus(2, ChronoUnit.HOURS))).contains("sign-2");
        assertThat(roles.findUsersWithGrantsExpiredBetween(now.plus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS)))
                .doesNotContain("sign-2");
    }

    @Test
    void aTokenWithTheRecordedRolesWritesNothing() {
        signIn.signIn(identity("sign-3", "STAFF"));
        flushAndClear();
        long before = events.stream(ProviderRolesChanged.class).count();

        signIn.resolve(identity("sign-3", "STAFF"));

        assertThat(events.stream(ProviderRolesChanged.class).count()).isEqualTo(before);
    }
}
