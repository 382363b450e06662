package io.vantage.api.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.util.ReflectionTestUtils;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.InstanceStateChanged;
import io.vantage.domain.instance.Screen;
import io.vantage.domain.user.User;

/** What the portal concludes from what the cloud says (and which of the image's ports answer). */
class StateMapperTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration SETTLE = Duration.ofMinutes(2);

    static Instance instance(InstanceState state) {
        CloudProviderRecord provider = new CloudProviderRecord("local", "local", "{}");
        ReflectionTestUtils.setField(provider, "id", 1L);
        Protocol vnc = new Protocol("VNC", ProtocolKind.VNC, 5901, false);
        ReflectionTestUtils.setField(vnc, "id", 1L);
        Plan plan = new Plan(new Image("Desktop", "1", provider, "d", Set.of(vnc), vnc),
                new Flavour("small", 1, 1024, 0, provider, "s"), false);
        Instance instance = Instance.launch("abc123abc123", "x", new User("u", null, "U", null), plan, List.of(),
                Screen.DEFAULT, "en-us-qwerty", "s", NOW);
        instance.startLifetime(NOW.plusSeconds(3600), NOW);
        ReflectionTestUtils.setField(instance, "state", state);
        ReflectionTestUtils.setField(instance, "computeId", "vm-1");
        return instance;
    }

    static Observation seen(CloudState cloud, int open) {
        return new Observation(cloud == null ? null : new CloudInstance("vm-1", "x", cloud, cloud == CloudState.ERROR
                ? "No valid host was found" : null, List.of("10.0.0.7"), Map.of(), NOW), 2, open);
    }

    @ParameterizedTest(name = "{0} + cloud {1} with {2}/2 ports, settling {3} -> {4}")
    @CsvSource(nullValues = "GONE", value = {
            "BUILDING, BUILDING, 0, false, BUILDING",
            "BUILDING, RUNNING, 0, false, STARTING",
            "BUILDING, RUNNING, 1, false, PARTIALLY_ACTIVE",
            "BUILDING, RUNNING, 2, false, ACTIVE",
            "STARTING, RUNNING, 2, false, ACTIVE",
            "ACTIVE, RUNNING, 1, false, PARTIALLY_ACTIVE",
            "ACTIVE, STOPPED, 0, false, STOPPED",
            "ACTIVE, ERROR, 0, false, ERROR",
            "ACTIVE, GONE, 0, false, UNKNOWN",
            "ACTIVE, UNKNOWN, 0, false, UNKNOWN",
            "ACTIVE, REBOOTING, 0, false, REBOOTING",
            "STOPPING, RUNNING, 2, true, STOPPING",
            "STOPPING, RUNNING, 2, false, ACTIVE",
            "STOPPING, STOPPED, 0, true, STOPPED",
            "REBOOTING, RUNNING, 2, true, REBOOTING",
            "REBOOTING, RUNNING, 2, false, ACTIVE",
            "STARTING, STOPPED, 0, true, STARTING",
            "STOPPED, RUNNING, 2, false, ACTIVE",
            "DELETING, RUNNING, 2, false, DELETING",
            "DELETING, GONE, 0, false, DELETED",
            "DELETING, DELETED, 0, false, DELETED",
            "ERROR, RUNNING, 2, false, ACTIVE"})
    void mapsCloudReportsOntoInstances(InstanceState from, CloudState cloud, int open, boolean settling,
                                       InstanceState expected) {
        Instance instance = instance(from);
        if (from == InstanceState.DELETING) {
            ReflectionTestUtils.setField(instance, "deleteRequested", true);
        }
        StateMapper.apply(instance, seen(cloud, open), settling ? NOW.minusSeconds(10) : NOW.minusSeconds(600), SETTLE,
                NOW);
        assertThat(instance.getState()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE", "STARTING"})
    void activeRecordsTheAddressAndTheFaultIsKept(InstanceState from) {
        Instance instance = instance(from);
        StateMapper.apply(instance, seen(CloudState.RUNNING, 2), null, SETTLE, NOW);
        assertThat(instance.getIpAddress()).isEqualTo("10.0.0.7");
        Instance broken = instance(from);
        StateMapper.apply(broken, seen(CloudState.ERROR, 0), null, SETTLE, NOW);
        assertThat(broken.getStateReason()).isEqualTo("No valid host was found");
    }

    /** A batch job waiting in the queue, ended by its time limit or cancelled: the cloud's words are the reason. */
    @ParameterizedTest(name = "{0} + cloud {1} -> {2}")
    @CsvSource({
            "BUILDING, BUILDING, BUILDING",
            "STARTING, STARTING, STARTING",
            "STOPPED, STARTING, STARTING",
            "ACTIVE, DELETED, UNKNOWN",
            "ACTIVE, UNKNOWN, UNKNOWN",
            "ACTIVE, ERROR, ERROR"})
    void theCloudsDetailIsTheReasonWhileItWaitsAndAfterItEnded(InstanceState from, CloudState cloud,
                                                               InstanceState expected) {
        Instance instance = instance(from);
        String detail = "Waiting in Slurm's queue: 2nd of 5 waiting in partition debug. Expected start: "
                + "2026-11-25 10:35 UTC (in 35 min).";
        StateMapper.apply(instance, new Observation(new CloudInstance("vm-1", "x", cloud, null, List.of(), Map.of(),
                NOW, detail), 2, 0), null, SETTLE, NOW);
        assertThat(instance.getState()).isEqualTo(expected);
        assertThat(instance.getStateReason()).isEqualTo(detail);
    }

    @org.junit.jupiter.api.Test
    void aNewPlaceInTheQueueTellsOpenPagesAndTheSameOneDoesNot() {
        Instance instance = instance(InstanceState.BUILDING);
        StateMapper.apply(instance, waiting("2nd of 5"), null, SETTLE, NOW);
        StateMapper.apply(instance, waiting("2nd of 5"), null, SETTLE, NOW.plusSeconds(2));
        StateMapper.apply(instance, waiting("1st of 4"), null, SETTLE, NOW.plusSeconds(4));
        assertThat(events(instance)).extracting(InstanceStateChanged::reason)
                .containsExactly("Waiting: 2nd of 5", "Waiting: 1st of 4");
        assertThat(events(instance)).allSatisfy(e -> assertThat(e.from()).isEqualTo(e.to()));
    }

    private static Observation waiting(String place) {
        return new Observation(new CloudInstance("vm-1", "x", CloudState.BUILDING, null, List.of(), Map.of(), NOW,
                "Waiting: " + place), 2, 0);
    }

    @SuppressWarnings("unchecked")
    private static List<InstanceStateChanged> events(Instance instance) {
        return ((java.util.Collection<Object>) ReflectionTestUtils.invokeMethod(instance, "domainEvents")).stream()
                .filter(InstanceStateChanged.class::isInstance).map(InstanceStateChanged.class::cast)
                .filter(e -> e.from() != null).toList(); // not the launch
    }
}
