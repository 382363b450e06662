package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.MemberRole;
import io.vantage.domain.instance.Screen;
import io.vantage.domain.user.User;

/** The one decision for desktop and notebook connections: at ticket issue, at redemption, for open connections. */
class AccessPolicyConnectionTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final AccessPolicy policy = new AccessPolicy();
    private final Instance instance = instance();

    @Test
    void membersConnectWithTheirRoleAndGuestsOnlyWatch() {
        instance.share(new User("u2", "Grace", "Hopper", "g@example.org"), MemberRole.USER, NOW);
        instance.share(new User("u3", "Alan", "Turing", "a@example.org"), MemberRole.GUEST, NOW);

        assertThat(policy.connection(person("u1"), instance)).isEqualTo(new ConnectionDecision(MemberRole.OWNER, null));
        assertThat(policy.connection(person("u2"), instance).readOnly()).isFalse();
        ConnectionDecision guest = policy.connection(person("u3"), instance);
        assertThat(guest.allowed()).isTrue();
        assertThat(guest.readOnly()).isTrue();
    }

    @Test
    void adminsWhoAreNotMembersConnectAsSupportUntilTheyLoseTheRole() {
        assertThat(policy.connection(person("boss", "ADMIN", "STAFF"), instance).role()).isEqualTo(MemberRole.SUPPORT);
        ConnectionDecision revoked = policy.connection(person("boss", "STAFF"), instance);
        assertThat(revoked.allowed()).isFalse();
        assertThat(revoked.endReason()).isEqualTo("Your access to this instance ended");
        assertThat(policy.connection(person("helper", "IT_SUPPORT"), instance).allowed())
                .as("support staff see it but must be let in").isFalse();
    }

    @Test
    void nobodyStaysConnectedToAnInstanceThatIsNotRunning() {
        ReflectionTestUtils.setField(instance, "state", InstanceState.STOPPING);
        assertThat(policy.connection(person("u1"), instance)).isEqualTo(
                new ConnectionDecision(null, "The instance was stopped"));
        ReflectionTestUtils.setField(instance, "state", InstanceState.DELETING);
        assertThat(policy.connection(person("boss", "ADMIN"), instance).endReason())
                .isEqualTo("The instance was deleted");
        ReflectionTestUtils.setField(instance, "state", InstanceState.PARTIALLY_ACTIVE);
        assertThat(policy.connection(person("u1"), instance).allowed()).isTrue();
    }

    private static CurrentUser person(String id, String... roles) {
        return new CurrentUser(id, Set.of(roles));
    }

    private static Instance instance() {
        CloudProviderRecord provider = new CloudProviderRecord("local", "local", "{}");
        ReflectionTestUtils.setField(provider, "id", 1L);
        Protocol vnc = new Protocol("VNC", ProtocolKind.VNC, 5901, false);
        ReflectionTestUtils.setField(vnc, "id", 1L);
        Image image = new Image("Desktop", "1", provider, "desktop", Set.of(vnc), vnc);
        Plan plan = new Plan(image, new Flavour("small", 1, 1024, 0, provider, "small"), false);
        Instance instance = Instance.launch("abc123", "analysis", new User("u1", "Ada", "Lovelace", "ada@example.org"),
                plan, List.of(), Screen.DEFAULT, "en-us-qwerty", "s3cret", NOW);
        instance.startLifetime(NOW.plusSeconds(3600), NOW);
        ReflectionTestUtils.setField(instance, "state", InstanceState.ACTIVE);
        return instance;
    }
}
