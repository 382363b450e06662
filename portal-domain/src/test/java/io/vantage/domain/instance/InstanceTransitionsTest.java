package io.vantage.domain.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.user.User;

class InstanceTransitionsTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    static Instance instanceIn(InstanceState state) {
        CloudProviderRecord provider = new CloudProviderRecord("local", "local", "{}");
        ReflectionTestUtils.setField(provider, "id", 1L);
        Protocol vnc = new Protocol("VNC", ProtocolKind.VNC, 5901, false);
        ReflectionTestUtils.setField(vnc, "id", 1L);
        Image image = new Image("Desktop", "1", provider, "desktop", Set.of(vnc), vnc);
        Flavour flavour = new Flavour("small", 1, 1024, 0, provider, "small");
        Plan plan = new Plan(image, flavour, false);
        Instance instance = Instance.launch("abc123", "analysis", new User("u1", "Ada", "Lovelace", "ada@example.org"),
                plan, List.of(), Screen.DEFAULT, "en-us-qwerty", "s3cret", NOW);
        instance.startLifetime(NOW.plusSeconds(3600), NOW);
        ReflectionTestUtils.setField(instance, "state", state);
        return instance;
    }

    static Stream<Arguments> legalRequests() {
        return Stream.of(
                Arguments.of(InstanceState.STOPPED, (Consumer<Instance>) i -> i.requestStart(NOW), InstanceState.STARTING),
                Arguments.of(InstanceState.ACTIVE, (Consumer<Instance>) i -> i.requestStop(NOW), InstanceState.STOPPING),
                Arguments.of(InstanceState.PARTIALLY_ACTIVE, (Consumer<Instance>) i -> i.requestStop(NOW), InstanceState.STOPPING),
                Arguments.of(InstanceState.ERROR, (Consumer<Instance>) i -> i.requestStop(NOW), InstanceState.STOPPING),
                Arguments.of(InstanceState.ACTIVE, (Consumer<Instance>) i -> i.requestReboot(NOW), InstanceState.REBOOTING),
                Arguments.of(InstanceState.UNKNOWN, (Consumer<Instance>) i -> i.requestReboot(NOW), InstanceState.REBOOTING),
                Arguments.of(InstanceState.ACTIVE, (Consumer<Instance>) i -> i.requestDeleteBy("someone", NOW), InstanceState.DELETING),
                Arguments.of(InstanceState.BUILDING, (Consumer<Instance>) i -> i.requestDeleteBy("someone", NOW), InstanceState.DELETING),
                Arguments.of(InstanceState.STOPPED, (Consumer<Instance>) i -> i.requestDeleteBy("someone", NOW), InstanceState.DELETING),
                Arguments.of(InstanceState.BUILDING, (Consumer<Instance>) i -> i.markStarting("boot", NOW), InstanceState.STARTING),
                Arguments.of(InstanceState.STARTING, (Consumer<Instance>) i -> i.markActive("10.0.0.5", NOW), InstanceState.ACTIVE),
                Arguments.of(InstanceState.STARTING, (Consumer<Instance>) i -> i.markPartiallyActive("10.0.0.5", "no VNC", NOW), InstanceState.PARTIALLY_ACTIVE),
                Arguments.of(InstanceState.PARTIALLY_ACTIVE, (Consumer<Instance>) i -> i.markActive("10.0.0.5", NOW), InstanceState.ACTIVE),
                Arguments.of(InstanceState.STOPPING, (Consumer<Instance>) i -> i.markStopped(NOW), InstanceState.STOPPED),
                Arguments.of(InstanceState.REBOOTING, (Consumer<Instance>) i -> i.markStarting(null, NOW), InstanceState.STARTING),
                Arguments.of(InstanceState.BUILDING, (Consumer<Instance>) i -> i.markError("no host", NOW), InstanceState.ERROR),
                Arguments.of(InstanceState.ACTIVE, (Consumer<Instance>) i -> i.markUnknown("gone", NOW), InstanceState.UNKNOWN),
                Arguments.of(InstanceState.DELETING, (Consumer<Instance>) i -> i.markDeleted(NOW), InstanceState.DELETED),
                Arguments.of(InstanceState.ERROR, (Consumer<Instance>) i -> i.markActive("10.0.0.5", NOW), InstanceState.ACTIVE));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("legalRequests")
    void legalTransitionChangesStateAndRecordsAnEvent(InstanceState from, Consumer<Instance> action, InstanceState to) {
        Instance instance = instanceIn(from);
        int eventsBefore = stateEvents(instance).size();

        action.accept(instance);

        assertThat(instance.getState()).isEqualTo(to);
        // a deletion also records why (InstanceDeletionCauseTest); one state change either way
        List<Object> events = stateEvents(instance);
        assertThat(events).hasSize(eventsBefore + 1);
        InstanceStateChanged event = (InstanceStateChanged) events.get(events.size() - 1);
        assertThat(event.from()).isEqualTo(from);
        assertThat(event.to()).isEqualTo(to);
        assertThat(event.uid()).isEqualTo("abc123");
    }

    @ParameterizedTest
    @EnumSource(value = InstanceState.class, names = {"STOPPED"}, mode = EnumSource.Mode.EXCLUDE)
    void startIsOnlyForStoppedInstances(InstanceState state) {
        Instance instance = instanceIn(state);
        assertThatThrownBy(() -> instance.requestStart(NOW))
                .isInstanceOf(IllegalInstanceStateException.class)
                .hasMessageContaining("Cannot start instance 'analysis'")
                .hasMessageContaining("state " + state);
        assertThat(instance.getState()).isEqualTo(state);
    }

    @ParameterizedTest
    @EnumSource(value = InstanceState.class, names = {"STOPPED", "STOPPING", "BUILDING", "REBOOTING", "DELETING", "DELETED"})
    void stopIsRefusedWhenNotRunning(InstanceState state) {
        Instance instance = instanceIn(state);
        assertThatThrownBy(() -> instance.requestStop(NOW)).isInstanceOf(IllegalInstanceStateException.class)
                .hasMessageContaining("it is not running");
    }

    @ParameterizedTest
    @EnumSource(value = InstanceState.class, names = {"DELETING", "DELETED"})
    void deleteIsRefusedTwice(InstanceState state) {
        assertThatThrownBy(() -> instanceIn(state).requestDeleteBy("someone", NOW))
                .isInstanceOf(IllegalInstanceStateException.class).hasMessageContaining("already being deleted");
    }

    @Test
    void deletedIsFinal() {
        for (InstanceState next : InstanceState.values()) {
            assertThat(InstanceState.DELETED.canBecome(next)).as("DELETED -> " + next).isFalse();
        }
        Instance instance = instanceIn(InstanceState.DELETED);
        assertThatThrownBy(() -> instance.markActive("10.0.0.1", NOW))
                .isInstanceOf(IllegalInstanceStateException.class)
                .hasMessage("Instance abc123 cannot go from DELETED to ACTIVE");
    }

    @Test
    void observedTransitionsOutsideTheGraphAreRefused() {
        assertThat(InstanceState.STOPPED.canBecome(InstanceState.STOPPING)).isFalse();
        assertThatThrownBy(() -> instanceIn(InstanceState.DELETING).markActive("10.0.0.1", NOW))
                .isInstanceOf(IllegalInstanceStateException.class)
                .hasMessage("Instance abc123 cannot go from DELETING to ACTIVE");
    }

    @Test
    void sameStateUpdatesReasonWithoutAnEvent() {
        Instance instance = instanceIn(InstanceState.ACTIVE);
        int before = events(instance).size();
        instance.markActive("10.0.0.9", NOW);
        assertThat(events(instance)).hasSize(before);
        assertThat(instance.getIpAddress()).isEqualTo("10.0.0.9");
    }

    @Test
    void launchStartsBuildingWithTheOwnerAsMember() {
        Instance instance = instanceIn(InstanceState.BUILDING);
        assertThat(instance.owner().getId()).isEqualTo("u1");
        assertThat(instance.roleOf("u1")).contains(MemberRole.OWNER);
        assertThat(((InstanceStateChanged) events(instance).get(0)).to()).isEqualTo(InstanceState.BUILDING);
    }

    @Test
    void sharingRules() {
        Instance instance = instanceIn(InstanceState.ACTIVE);
        User bob = new User("u2", "Bob", "Builder", null);
        instance.share(bob, MemberRole.GUEST, NOW);
        assertThat(instance.roleOf("u2")).contains(MemberRole.GUEST);
        instance.share(bob, MemberRole.USER, NOW);
        assertThat(instance.roleOf("u2")).contains(MemberRole.USER);
        assertThat(instance.getMembers()).hasSize(2);

        assertThatThrownBy(() -> instance.share(bob, MemberRole.OWNER, NOW)).hasMessageContaining("exactly one owner");
        assertThatThrownBy(() -> instance.share(instance.owner(), MemberRole.GUEST, NOW)).hasMessageContaining("owns this instance");
        assertThatThrownBy(() -> instance.unshare("u1")).hasMessageContaining("owner cannot be removed");
        instance.unshare("u2");
        assertThat(instance.roleOf("u2")).isEmpty();
    }

    @Test
    void extendingNeedsAFutureDateAndALiveInstance() {
        Instance instance = instanceIn(InstanceState.ACTIVE);
        instance.extendUntil(NOW.plusSeconds(7200), NOW);
        assertThat(instance.getTerminationDate()).isEqualTo(NOW.plusSeconds(7200));
        assertThatThrownBy(() -> instance.extendUntil(NOW.minusSeconds(1), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> instanceIn(InstanceState.DELETING).extendUntil(NOW.plusSeconds(60), NOW))
                .isInstanceOf(IllegalInstanceStateException.class);
    }

    static List<Object> stateEvents(Instance instance) {
        return events(instance).stream().filter(InstanceStateChanged.class::isInstance).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Object> events(Instance instance) {
        return List.copyOf((java.util.Collection<Object>) ReflectionTestUtils.invokeMethod(instance, "domainEvents"));
    }
}
