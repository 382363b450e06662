package io.vantage.domain.instance;

import static io.vantage.domain.instance.InstanceTransitionsTest.NOW;
import static io.vantage.domain.instance.InstanceTransitionsTest.events;
import static io.vantage.domain.instance.InstanceTransitionsTest.instanceIn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vantage.domain.user.User;

/** Why an instance is deleted is decided where it is deleted, and travels with the event the expiry module records. */
class InstanceDeletionCauseTest {

    @Test
    void aMemberDeletingIsAMembersDecision() {
        Instance instance = instanceIn(InstanceState.ACTIVE);
        instance.share(new User("u2", "Bob", "Builder", null), MemberRole.USER, NOW);
        instance.requestDeleteBy("u2", NOW);
        assertThat(requested(instance)).isEqualTo(new InstanceDeletionRequested(null, "abc123", DeletionCause.MEMBER,
                "u2", "Deleted by u2", NOW));
        assertThat(instance.getState()).isEqualTo(InstanceState.DELETING);
        assertThat(instance.isDeleteRequested()).isTrue();
    }

    @Test
    void someoneWhoIsNotAMemberIsAnAdministrator() {
        Instance instance = instanceIn(InstanceState.STOPPED);
        instance.requestDeleteBy("admin", NOW);
        assertThat(requested(instance).cause()).isEqualTo(DeletionCause.ADMIN);
        assertThat(requested(instance).actorId()).isEqualTo("admin");
    }

    @Test
    void aFailedInstanceGoesBecauseOfTheFailureWithItsReason() {
        Instance instance = instanceIn(InstanceState.ACTIVE);
        instance.markError("No valid host was found", NOW);
        instance.requestDeleteBy("u1", NOW);
        assertThat(requested(instance).cause()).isEqualTo(DeletionCause.CLOUD_FAILURE);
        assertThat(requested(instance).detail()).isEqualTo("No valid host was found");
        assertThat(instance.getStateReason()).isEqualTo("Deleted by u1");
    }

    @Test
    void thePortalExpiresWithoutAnActor() {
        Instance instance = instanceIn(InstanceState.ACTIVE);
        instance.expire(DeletionCause.INACTIVITY, "Expired: not used since yesterday", NOW);
        assertThat(requested(instance)).isEqualTo(new InstanceDeletionRequested(null, "abc123",
                DeletionCause.INACTIVITY, null, "Expired: not used since yesterday", NOW));
        assertThat(instance.getStateReason()).isEqualTo("Expired: not used since yesterday");
    }

    private static InstanceDeletionRequested requested(Instance instance) {
        return events(instance).stream().filter(InstanceDeletionRequested.class::isInstance)
                .map(InstanceDeletionRequested.class::cast).reduce((first, second) -> second).orElseThrow();
    }
}
