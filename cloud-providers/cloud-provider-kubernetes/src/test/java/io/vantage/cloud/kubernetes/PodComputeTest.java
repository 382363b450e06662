package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Tags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(https = false, crud = true)
class PodComputeTest {

    KubernetesMockServer server;
    KubernetesClient client;
    CloudProvider provider;

    @BeforeEach
    void setUp() {
        provider = Fixtures.provider(Fixtures.settings(server.url("/")));
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void createBuildsThePodFromImageAndFlavour() {
        CloudInstance instance = provider.compute().create(Fixtures.request("uid-1", "desktop", "gpu"));

        assertThat(instance.state()).isEqualTo(CloudState.BUILDING);
        assertThat(instance.instanceUid()).contains("uid-1");
        Pod pod = onlyPod(instance.computeId());
        Container container = pod.getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example/vantage/desktop:1.2");
        assertThat(container.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(5901, 4822);
        assertThat(container.getResources().getLimits()).containsEntry("cpu", new Quantity("8"))
                .containsEntry("memory", new Quantity("32768Mi")).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("8000m"))
                .containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(pod.getMetadata().getLabels()).containsEntry(Tags.DEPLOYMENT, Fixtures.DEPLOYMENT)
                .containsEntry(Tags.INSTANCE, "uid-1");
        assertThat(pod.getSpec().getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("registry-pull");
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();

        Map<String, EnvVar> env = container.getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("VNC_PASSWORD").getValue()).isNull();
        assertThat(env.get("VNC_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo(instance.computeId());
        assertThat(env.get("VANTAGE_SCREEN").getValue()).isEqualTo("1920x1080");
        assertThat(env.get("VANTAGE_NOTEBOOK_BASE_URL").getValue()).isEqualTo("/instances/uid-1/jupyter/");
        assertThat(env.get("VANTAGE_KEYBOARD").getValue()).isEqualTo("fr");
        assertThat(env.get("DISPLAY").getValue()).isEqualTo(":1");
        assertThat(client.getKubernetesSerialization().asJson(pod)).doesNotContain(Fixtures.SECRET);

        Secret secret = client.secrets().inNamespace(Fixtures.NAMESPACE).withName(instance.computeId()).get();
        assertThat(decode(secret.getData().get("secret"))).isEqualTo(Fixtures.SECRET);
        Service service = service(instance.computeId());
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(5901, 4822);
        assertThat(service.getMetadata().getLabels()).containsEntry(Tags.INSTANCE, "uid-1");
        assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void userDataTravelsInTheSecretAndIsMountedAsAFile() {
        CloudInstance instance = provider.compute().create(Fixtures.request("uid-2", "jupyter", "small",
                Fixtures.DEPLOYMENT, "#!/bin/sh\necho hello"));

        Pod pod = onlyPod(instance.computeId());
        Container container = pod.getSpec().getContainers().get(0);
        assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/vantage"));
        assertThat(pod.getSpec().getVolumes()).anySatisfy(v ->
                assertThat(v.getSecret().getSecretName()).isEqualTo(instance.computeId()));
        assertThat(container.getCommand()).containsExactly("start-notebook.sh");
        assertThat(container.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
        Secret secret = client.secrets().inNamespace(Fixtures.NAMESPACE).withName(instance.computeId()).get();
        assertThat(decode(secret.getData().get("user-data"))).isEqualTo("#!/bin/sh\necho hello");
    }

    @Test
    void createIsIdempotentForTheSameInstance() {
        CloudInstance first = provider.compute().create(Fixtures.request("uid-3", "desktop", "small"));
        CloudInstance second = provider.compute().create(Fixtures.request("uid-3", "desktop", "small"));

        assertThat(second.computeId()).isEqualTo(first.computeId());
        assertThat(pods(first.computeId())).hasSize(1);
    }

    @Test
    void listReturnsOnlyThisDeploymentsInstances() {
        CloudInstance mine = provider.compute().create(Fixtures.request("uid-4", "desktop", "small"));
        try (CloudProvider other = Fixtures.provider(Fixtures.settings(server.url("/")), "portal-b")) {
            other.compute().create(Fixtures.request("uid-5", "desktop", "small", "portal-b", null));
            assertThat(other.compute().list()).extracting(i -> i.instanceUid().orElseThrow()).containsExactly("uid-5");
        }

        assertThat(provider.compute().list()).extracting(CloudInstance::computeId).containsExactly(mine.computeId());
        assertThat(client.pods().inNamespace(Fixtures.NAMESPACE).list().getItems()).hasSize(2);
    }

    @Test
    void findByInstanceUidUsesLabelsAndFindsOnlyThisDeploymentsMachine() {
        CloudInstance mine = provider.compute().create(Fixtures.request("uid-6", "desktop", "small"));
        provider.compute().create(Fixtures.request("uid-7", "desktop", "small"));
        try (CloudProvider other = Fixtures.provider(Fixtures.settings(server.url("/")), "portal-b")) {
            other.compute().create(Fixtures.request("uid-6", "desktop", "small", "portal-b", null));
            assertThat(other.compute().findByInstanceUid("uid-6").orElseThrow().computeId())
                    .isNotEqualTo(mine.computeId());
        }

        assertThat(provider.compute().findByInstanceUid("uid-6")).map(CloudInstance::computeId)
                .contains(mine.computeId());
        assertThat(provider.compute().findByInstanceUid("uid-8")).isEmpty();
        provider.compute().stop(mine.computeId());
        assertThat(provider.compute().findByInstanceUid("uid-6")).map(CloudInstance::state)
                .as("a stopped instance is still found by its service").contains(CloudState.STOPPED);
    }

    @Test
    void stopKeepsServiceAndSecretAndStartRecreatesThePod() {
        String id = provider.compute().create(Fixtures.request("uid-6", "desktop", "small")).computeId();
        String firstPod = onlyPod(id).getMetadata().getName();

        provider.compute().stop(id);

        assertThat(pods(id)).isEmpty();
        assertThat(service(id)).isNotNull();
        assertThat(provider.compute().get(id)).get().extracting(CloudInstance::state).isEqualTo(CloudState.STOPPED);
        assertThat(provider.compute().list()).extracting(CloudInstance::state).containsExactly(CloudState.STOPPED);

        provider.compute().start(id);

        Pod restarted = onlyPod(id);
        assertThat(restarted.getMetadata().getName()).isNotEqualTo(firstPod).startsWith(id);
        assertThat(restarted.getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/vantage/desktop:1.2");
        assertThat(provider.compute().get(id)).get().extracting(CloudInstance::state).isEqualTo(CloudState.BUILDING);
    }

    @Test
    void startOfARunningInstanceLeavesItsPodAlone() {
        String id = provider.compute().create(Fixtures.request("uid-7", "desktop", "small")).computeId();
        String pod = onlyPod(id).getMetadata().getName();

        provider.compute().start(id);

        assertThat(onlyPod(id).getMetadata().getName()).isEqualTo(pod);
    }

    @Test
    void rebootReplacesThePod() {
        String id = provider.compute().create(Fixtures.request("uid-8", "desktop", "small")).computeId();
        String before = onlyPod(id).getMetadata().getName();

        provider.compute().reboot(id);

        assertThat(onlyPod(id).getMetadata().getName()).isNotEqualTo(before);
        assertThat(service(id)).isNotNull();
    }

    @Test
    void deleteRemovesEveryObjectAndCanBeRepeated() {
        CloudProvider withHome = Fixtures.provider(Fixtures.settings(server.url("/"),
                new KubernetesSettings.Storage("10Gi", "fast", null)));
        String id = withHome.compute().create(Fixtures.request("uid-9", "desktop", "small")).computeId();
        assertThat(client.persistentVolumeClaims().inNamespace(Fixtures.NAMESPACE).withName(id).get()).isNotNull();
        assertThat(onlyPod(id).getSpec().getContainers().get(0).getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/home/vantage"));

        withHome.compute().delete(id);
        withHome.compute().delete(id);

        assertThat(pods(id)).isEmpty();
        assertThat(service(id)).isNull();
        assertThat(client.secrets().inNamespace(Fixtures.NAMESPACE).withName(id).get()).isNull();
        assertThat(client.persistentVolumeClaims().inNamespace(Fixtures.NAMESPACE).withName(id).get()).isNull();
        assertThat(withHome.compute().get(id)).isEmpty();
        withHome.close();
    }

    @Test
    void endpointIsTheServiceDnsNameForExposedPortsOnly() {
        CloudInstance instance = provider.compute().create(Fixtures.request("uid-10", "desktop", "small"));

        assertThat(provider.network().endpoint(instance, 5901)).get().hasToString(
                instance.computeId() + "." + Fixtures.NAMESPACE + ".svc:5901");
        assertThat(provider.network().endpoint(instance, 8888)).isEmpty();
    }

    private List<Pod> pods(String id) {
        return client.pods().inNamespace(Fixtures.NAMESPACE).withLabel(Names.INSTANCE_OBJECT, id).list().getItems();
    }

    private Pod onlyPod(String id) {
        List<Pod> pods = pods(id);
        assertThat(pods).hasSize(1);
        return pods.get(0);
    }

    private Service service(String id) {
        return client.services().inNamespace(Fixtures.NAMESPACE).withName(id).get();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
