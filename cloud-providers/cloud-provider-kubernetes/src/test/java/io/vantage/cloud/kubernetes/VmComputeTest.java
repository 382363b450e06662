package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudInitUserData;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.Tags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KubeVirt virtual machines through the SPI, against the mock API server in CRUD mode and {@link FakeKubeVirt}. */
@EnableKubernetesMockClient(https = false, crud = true)
class VmComputeTest {

    KubernetesMockServer server;
    KubernetesClient client;
    CloudProvider provider;
    FakeKubeVirt kubevirt;

    @BeforeEach
    void setUp() {
        provider = Fixtures.provider(VmFixtures.settings(server.url("/"), false));
        kubevirt = new FakeKubeVirt(client, Fixtures.NAMESPACE);
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void createMakesTheVirtualMachineItsCloudInitSecretAndItsService() {
        CloudInstance created = provider.compute().create(Fixtures.request("vm-1", "desktop", "small",
                Fixtures.DEPLOYMENT, "#!/bin/sh\necho booted\n"));

        assertThat(created.state()).isEqualTo(CloudState.BUILDING);
        assertThat(created.instanceUid()).contains("vm-1");
        GenericKubernetesResource vm = kubevirt.vm(created.computeId());
        assertThat((String) vm.get("spec", "runStrategy")).isEqualTo("Always");
        assertThat((Map<String, String>) vm.get("spec", "template", "metadata", "labels"))
                .containsEntry(Tags.DEPLOYMENT, Fixtures.DEPLOYMENT).containsEntry(Tags.INSTANCE, "vm-1")
                .containsEntry(Names.INSTANCE_OBJECT, created.computeId());
        assertThat(vm.getMetadata().getLabels()).containsEntry(Tags.INSTANCE, "vm-1");
        assertThat((Integer) vm.get("spec", "template", "spec", "domain", "cpu", "cores")).isEqualTo(2);
        assertThat((String) vm.get("spec", "template", "spec", "domain", "memory", "guest")).isEqualTo("4096Mi");
        assertThat((String) vm.get("spec", "template", "spec", "volumes", 0, "containerDisk", "image"))
                .isEqualTo("registry.example/vantage/desktop-disk:1.2");
        assertThat((String) vm.get("spec", "template", "spec", "volumes", 1, "cloudInitNoCloud", "secretRef", "name"))
                .isEqualTo(created.computeId());
        assertThat(client.getKubernetesSerialization().asJson(vm)).doesNotContain(Fixtures.SECRET).doesNotContain("gpus");

        Secret secret = client.secrets().inNamespace(Fixtures.NAMESPACE).withName(created.computeId()).get();
        List<String> parts = VmFixtures.mimeParts(decode(secret.getData().get(KubeVirt.USER_DATA_KEY)));
        assertThat(parts.get(0)).isEqualTo("#!/bin/sh\necho booted\n");
        assertThat(parts.get(1)).contains("path: " + CloudInitUserData.METADATA_PATH, "permissions: '0600'");
        assertThat(VmFixtures.writtenMetadata(parts.get(1))).contains("\"vantage-secret\":\"" + Fixtures.SECRET + "\"",
                "\"vantage-instance\":\"vm-1\"");

        Service service = client.services().inNamespace(Fixtures.NAMESPACE).withName(created.computeId()).get();
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(5901, 8888);
        assertThat((Map<String, String>) vm.get("spec", "template", "metadata", "labels"))
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(provider.network().endpoint(created, 8888)).get()
                .hasToString(created.computeId() + "." + Fixtures.NAMESPACE + ".svc:8888");
    }

    @Test
    void createRunsStopsStartsRebootsAndDeletes() {
        String id = provider.compute().create(Fixtures.request("vm-2", "desktop", "small")).computeId();
        kubevirt.run(id);

        CloudInstance running = provider.compute().get(id).orElseThrow();
        assertThat(running.state()).isEqualTo(CloudState.RUNNING);
        assertThat(running.addresses()).containsExactly(id + "." + Fixtures.NAMESPACE + ".svc", FakeKubeVirt.ADDRESS);

        provider.compute().stop(id);
        assertThat((String) kubevirt.vm(id).get("spec", "runStrategy")).isEqualTo("Halted");
        kubevirt.reconcile(id);
        assertThat(state(id)).isEqualTo(CloudState.STOPPED);
        assertThat(kubevirt.vmi(id)).isNull();

        provider.compute().start(id);
        assertThat((String) kubevirt.vm(id).get("spec", "runStrategy")).isEqualTo("Always");
        kubevirt.reconcile(id);
        assertThat(state(id)).isEqualTo(CloudState.RUNNING);

        provider.compute().reboot(id);
        assertThat(kubevirt.vmi(id).getMetadata().getDeletionTimestamp()).as("the running instance goes").isNotNull();
        assertThat(state(id)).isEqualTo(CloudState.REBOOTING);
        kubevirt.run(id);
        assertThat(state(id)).isEqualTo(CloudState.RUNNING);

        provider.compute().delete(id);
        provider.compute().delete(id);
        assertThat(kubevirt.vm(id)).isNull();
        assertThat(client.services().inNamespace(Fixtures.NAMESPACE).withName(id).get()).isNull();
        assertThat(client.secrets().inNamespace(Fixtures.NAMESPACE).withName(id).get()).isNull();
        assertThat(provider.compute().get(id)).isEmpty();
    }

    @Test
    void oldClustersAreStartedAndStoppedThroughSpecRunning() {
        CloudProvider old = Fixtures.provider(VmFixtures.settings(server.url("/"), true));
        String id = old.compute().create(Fixtures.request("vm-3", "desktop", "small")).computeId();
        assertThat((Boolean) kubevirt.vm(id).get("spec", "running")).isTrue();
        assertThat((Object) kubevirt.vm(id).get("spec", "runStrategy")).isNull();

        old.compute().stop(id);
        assertThat((Boolean) kubevirt.vm(id).get("spec", "running")).isFalse();
        old.compute().start(id);
        assertThat((Boolean) kubevirt.vm(id).get("spec", "running")).isTrue();
        old.close();
    }

    @Test
    void aClonedDiskAndGpusComeFromTheImageAndFlavour() {
        String id = provider.compute().create(Fixtures.request("vm-4", "persistent", "gpu")).computeId();

        GenericKubernetesResource vm = kubevirt.vm(id);
        assertThat((String) vm.get("spec", "dataVolumeTemplates", 0, "metadata", "name")).isEqualTo(id + "-disk");
        assertThat((Map<String, Object>) vm.get("spec", "dataVolumeTemplates", 0, "spec", "source", "pvc"))
                .containsEntry("namespace", "vm-images").containsEntry("name", "ubuntu-2404-vantage");
        assertThat((String) vm.get("spec", "dataVolumeTemplates", 0, "spec", "storage", "resources", "requests",
                "storage")).isEqualTo("30Gi");
        assertThat((String) vm.get("spec", "template", "spec", "volumes", 0, "dataVolume", "name"))
                .isEqualTo(id + "-disk");
        assertThat((List<Map<String, Object>>) vm.get("spec", "template", "spec", "domain", "devices", "gpus"))
                .singleElement().satisfies(gpu -> assertThat(gpu).containsEntry("deviceName",
                        "nvidia.com/GA102GL_A10"));
        assertThat((String) vm.get("spec", "template", "spec", "domain", "devices", "hostDevices", 0, "deviceName"))
                .isEqualTo("intel.com/qat");
    }

    @Test
    void aLostCreateAnswerIsFoundByTheInstanceUidAndAdopted() {
        // the objects are made, then the answer to the read that ends create is lost
        server.expect().get().withPath("/apis/kubevirt.io/v1/namespaces/" + Fixtures.NAMESPACE
                + "/virtualmachines/" + Names.objectName("Alice's analysis #1", Fixtures.DEPLOYMENT, "vm-5"))
                .andReturn(503, "").once();

        assertThatThrownBy(() -> provider.compute().create(Fixtures.request("vm-5", "desktop", "small")))
                .isInstanceOf(CloudTransientException.class);

        CloudInstance adopted = provider.compute().findByInstanceUid("vm-5").orElseThrow();
        assertThat(adopted.state()).isEqualTo(CloudState.BUILDING);
        assertThat(provider.compute().create(Fixtures.request("vm-5", "desktop", "small")).computeId())
                .isEqualTo(adopted.computeId());
        assertThat(client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINES).inNamespace(Fixtures.NAMESPACE)
                .list().getItems()).hasSize(1);
        assertThat(provider.compute().findByInstanceUid("vm-6")).isEmpty();
    }

    @Test
    void aCreateThatStoppedBeforeItsVirtualMachineIsListedForTheSweepAndDeletedWhole() {
        server.expect().post().withPath("/apis/kubevirt.io/v1/namespaces/" + Fixtures.NAMESPACE + "/virtualmachines")
                .andReturn(503, "").once();

        assertThatThrownBy(() -> provider.compute().create(Fixtures.request("vm-9", "desktop", "small")))
                .isInstanceOf(CloudTransientException.class);

        CloudInstance half = provider.compute().list().stream().filter(m -> m.instanceUid().orElse("").equals("vm-9"))
                .findFirst().orElseThrow();
        assertThat(half.state()).isEqualTo(CloudState.BUILDING);
        assertThat(provider.compute().findByInstanceUid("vm-9")).as("nothing to adopt yet").isEmpty();
        provider.compute().delete(half.computeId());
        assertThat(client.secrets().inNamespace(Fixtures.NAMESPACE).withName(half.computeId()).get()).isNull();
        assertThat(provider.compute().list()).isEmpty();
    }

    @Test
    void onlyThisDeploymentsMachinesAreListedAndFound() {
        String mine = provider.compute().create(Fixtures.request("vm-7", "desktop", "small")).computeId();
        CloudProvider other = Fixtures.provider(VmFixtures.settings(server.url("/"), false), "portal-b");
        String theirs = other.compute().create(Fixtures.request("vm-7", "desktop", "small", "portal-b", null))
                .computeId();
        kubevirt.run(theirs);

        assertThat(provider.compute().list()).extracting(CloudInstance::computeId).containsExactly(mine);
        assertThat(provider.compute().findByInstanceUid("vm-7")).map(CloudInstance::computeId).contains(mine);
        assertThat(provider.compute().get(theirs)).isEmpty();
        assertThat(other.compute().list()).singleElement()
                .satisfies(machine -> assertThat(machine.state()).isEqualTo(CloudState.RUNNING));
        other.close();
    }

    @Test
    void aPausedMachineIsStoppedAndStartUnpausesIt() throws InterruptedException {
        String id = provider.compute().create(Fixtures.request("vm-8", "desktop", "small")).computeId();
        kubevirt.pause(id);
        server.expect().put().withPath("/apis/subresources.kubevirt.io/v1/namespaces/" + Fixtures.NAMESPACE
                + "/virtualmachineinstances/" + id + "/unpause").andReturn(202, "").once();

        assertThat(state(id)).isEqualTo(CloudState.STOPPED);
        provider.compute().start(id);

        assertThat(server.getLastRequest().getPath()).endsWith("/virtualmachineinstances/" + id + "/unpause");
    }

    private CloudState state(String id) {
        return provider.compute().get(id).orElseThrow().state();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
