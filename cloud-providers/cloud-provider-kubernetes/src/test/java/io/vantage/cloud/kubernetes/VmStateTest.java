package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error states of a virtual machine as KubeVirt reports them: ERROR with KubeVirt's own message once the fault has
 * lasted the fault grace (one minute here), and still BUILDING before, since KubeVirt keeps retrying.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class VmStateTest {

    KubernetesMockServer server;
    KubernetesClient client;
    CloudProvider provider;
    FakeKubeVirt kubevirt;
    String id;

    @BeforeEach
    void setUp() {
        provider = Fixtures.provider(VmFixtures.settings(server.url("/"), false));
        kubevirt = new FakeKubeVirt(client, Fixtures.NAMESPACE);
        id = provider.compute().create(Fixtures.request("vm-state", "desktop", "small")).computeId();
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void unschedulableIsAnErrorWithTheSchedulersMessageOnceItLasts() {
        kubevirt.unschedulable(id, Instant.now().minusSeconds(10));
        assertThat(machine().state()).isEqualTo(CloudState.BUILDING);

        kubevirt.unschedulable(id, Instant.now().minusSeconds(300));
        CloudInstance failed = machine();
        assertThat(failed.state()).isEqualTo(CloudState.ERROR);
        assertThat(failed.fault()).startsWith("ErrorUnschedulable: Unschedulable: 0/3 nodes are available: 3 "
                + "Insufficient devices.kubevirt.io/kvm.");
    }

    @Test
    void anImageThatCannotBePulledIsAnErrorSayingWhy() {
        kubevirt.imagePullFails(id, Instant.now().minusSeconds(300));

        CloudInstance failed = machine();
        assertThat(failed.state()).isEqualTo(CloudState.ERROR);
        assertThat(failed.fault()).isEqualTo("ErrImagePull: rpc error: code = NotFound desc = failed to pull and "
                + "unpack image \"registry.example/vantage/desktop-disk:9\": not found");
    }

    @Test
    void aCrashLoopSaysHowOftenTheMachineFailedToStart() {
        kubevirt.crashLoop(id, Instant.now().minusSeconds(30));
        assertThat(machine().state()).isEqualTo(CloudState.BUILDING);

        kubevirt.crashLoop(id, Instant.now().minusSeconds(120));
        assertThat(machine().state()).isEqualTo(CloudState.ERROR);
        assertThat(machine().fault()).isEqualTo("CrashLoopBackOff (failed to start 3 times in a row)");
    }

    @Test
    void anInstanceKubeVirtCannotCreateIsAnErrorWithTheRefusal() {
        kubevirt.failedCreate(id, Instant.now().minusSeconds(300));

        assertThat(machine().state()).isEqualTo(CloudState.ERROR);
        assertThat(machine().fault()).startsWith("FailedCreate: failure while starting VMI: admission webhook")
                .contains("nvidia.com/GA102GL_A10 is not permitted");
    }

    @Test
    void withoutPrintableStatusTheInstancesPhaseDecides() {
        kubevirt.instanceFailed(id);

        assertThat(machine().state()).isEqualTo(CloudState.ERROR);
        assertThat(machine().fault()).isEqualTo("Failed: PodTerminating: virt-launcher pod terminated");
    }

    @Test
    void runningWithoutAnAddressYetIsStarting() {
        kubevirt.run(id);
        assertThat(machine().state()).isEqualTo(CloudState.RUNNING);

        var vmi = kubevirt.vmi(id);
        ((java.util.Map<String, Object>) vmi.getAdditionalProperties().get("status")).remove("interfaces");
        vmi.getMetadata().setResourceVersion(null);
        client.genericKubernetesResources(KubeVirt.INSTANCES).inNamespace(Fixtures.NAMESPACE).resource(vmi).update();
        assertThat(machine().state()).isEqualTo(CloudState.STARTING);
    }

    private CloudInstance machine() {
        return provider.compute().get(id).orElseThrow();
    }
}
