package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** State as the portal sees it through get(), from pod status written into the mock API server. */
@EnableKubernetesMockClient(https = false, crud = true)
class InstanceStateTest {

    KubernetesMockServer server;
    KubernetesClient client;
    CloudProvider provider;
    String id;

    @BeforeEach
    void setUp() {
        provider = Fixtures.provider(Fixtures.settings(server.url("/")));
        id = provider.compute().create(Fixtures.request("uid-state", "desktop", "small")).computeId();
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    /** {@code since} is how long ago the pod's condition last changed; the fault grace is one minute. */
    @ParameterizedTest(name = "{0} ready={1} waiting={2} unschedulable={3} {4}s ago -> {5}")
    @CsvSource(nullValues = "-", value = {
            "Pending,   false, -,                   false, 0,   BUILDING, -",
            "Pending,   false, ContainerCreating,   false, 600, BUILDING, -",
            "Pending,   false, ImagePullBackOff,    false, 5,   BUILDING, -",
            "Pending,   false, ImagePullBackOff,    false, 300, ERROR,    ImagePullBackOff: Back-off pulling image",
            "Pending,   false, ErrImagePull,        false, 300, ERROR,    ErrImagePull",
            "Pending,   false, -,                   true,  10,  BUILDING, -",
            "Pending,   false, -,                   true,  300, ERROR,    Unschedulable: 0/3 nodes are available",
            "Running,   false, -,                   false, 0,   STARTING, -",
            "Running,   true,  -,                   false, 0,   RUNNING,  -",
            "Running,   false, CrashLoopBackOff,    false, 300, ERROR,    CrashLoopBackOff",
            "Succeeded, false, -,                   false, 0,   STOPPED,  -",
            "Failed,    false, -,                   false, 0,   ERROR,    Evicted: The node was low on resource",
            "Unknown,   false, -,                   false, 0,   UNKNOWN,  -"})
    void stateFollowsPhaseReadinessAndPersistingFaults(String phase, boolean ready, String waiting,
                                                       boolean unschedulable, long since, CloudState expected,
                                                       String fault) {
        setStatus(status(phase, ready, waiting, unschedulable, Instant.now().minusSeconds(since)));

        CloudInstance instance = provider.compute().get(id).orElseThrow();

        assertThat(instance.state()).isEqualTo(expected);
        if (fault == null) {
            assertThat(instance.fault()).isNull();
        } else {
            assertThat(instance.fault()).startsWith(fault);
        }
    }

    @Test
    void aRunningPodReportsTheServiceNameFirstAndThePodAddress() {
        setStatus(status("Running", true, null, false, Instant.now()));

        CloudInstance instance = provider.compute().get(id).orElseThrow();

        assertThat(instance.addresses()).containsExactly(id + "." + Fixtures.NAMESPACE + ".svc", "10.42.0.7");
        assertThat(instance.tags()).containsEntry("vantage-owner", "alice@facility.eu");
    }

    @Test
    void aTerminatingPodIsStoppingWhileTheServiceStaysAndDeletingOnceItIsGone() {
        // a finalizer keeps the pod visible with a deletionTimestamp, as the kubelet's grace period does
        client.pods().inNamespace(Fixtures.NAMESPACE).withLabel(Names.INSTANCE_OBJECT, id).resources()
                .forEach(pod -> pod.edit(p -> {
                    p.getMetadata().getFinalizers().add("vantage.io/test");
                    return p;
                }));

        provider.compute().stop(id);
        assertThat(provider.compute().get(id)).get().extracting(CloudInstance::state).isEqualTo(CloudState.STOPPING);

        provider.compute().delete(id);
        assertThat(provider.compute().get(id)).get().extracting(CloudInstance::state).isEqualTo(CloudState.DELETING);
        assertThat(provider.compute().list()).extracting(CloudInstance::state).containsExactly(CloudState.DELETING);
    }

    @Test
    void aMissingInstanceIsEmpty() {
        assertThat(provider.compute().get("no-such-instance-12345678")).isEmpty();
    }

    private void setStatus(PodStatus status) {
        Pod pod = client.pods().inNamespace(Fixtures.NAMESPACE).withLabel(Names.INSTANCE_OBJECT, id).list()
                .getItems().get(0);
        pod.setStatus(status);
        client.pods().inNamespace(Fixtures.NAMESPACE).resource(pod).updateStatus();
    }

    private static PodStatus status(String phase, boolean ready, String waiting, boolean unschedulable,
                                    Instant since) {
        String at = since.truncatedTo(ChronoUnit.SECONDS).toString();
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(new PodConditionBuilder().withType("PodScheduled").withStatus(unschedulable ? "False" : "True")
                .withReason(unschedulable ? "Unschedulable" : null).withLastTransitionTime(at)
                .withMessage(unschedulable ? "0/3 nodes are available: 3 Insufficient cpu." : null).build());
        conditions.add(new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False")
                .withLastTransitionTime(at).build());
        List<ContainerStatus> containers = new ArrayList<>();
        if (waiting != null) {
            containers.add(new ContainerStatusBuilder().withName(PodTemplates.CONTAINER).withReady(false)
                    .withNewState().withNewWaiting().withReason(waiting)
                    .withMessage("Back-off pulling image \"registry.example/vantage/desktop:1.2\"")
                    .endWaiting().endState().build());
        }
        PodStatusBuilder status = new PodStatusBuilder().withPhase(phase).withConditions(conditions)
                .withContainerStatuses(containers).withPodIP("10.42.0.7");
        if ("Failed".equals(phase)) {
            status.withReason("Evicted").withMessage("The node was low on resource: memory.");
        }
        return status.build();
    }

    @Test
    void faultGraceIsMeasuredFromTheLastConditionChange() {
        PodStates states = new PodStates(Duration.ofMinutes(1));
        Pod pod = new PodBuilder().withNewMetadata()
                .withCreationTimestamp("2026-01-01T10:00:00Z").endMetadata()
                .withStatus(status("Pending", false, "ImagePullBackOff", false, Instant.parse("2026-01-01T10:00:00Z")))
                .build();

        assertThat(states.of(pod, Instant.parse("2026-01-01T10:00:59Z")).state()).isEqualTo(CloudState.BUILDING);
        assertThat(states.of(pod, Instant.parse("2026-01-01T10:01:00Z")).state()).isEqualTo(CloudState.ERROR);
    }
}
