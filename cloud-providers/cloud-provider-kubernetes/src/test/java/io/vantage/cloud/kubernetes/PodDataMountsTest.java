package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.DataMount.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The experiments' data as pod volumes: exactly the mounts the portal asks for, read-only where it says. */
@EnableKubernetesMockClient(https = false, crud = true)
class PodDataMountsTest {

    static final DataMount RAW = new DataMount("EXP-1", Kind.KUBERNETES_CLAIM, "raw-data:/d22/2025/EXP-1", true,
            null, null);
    static final DataMount PROCESSED = new DataMount("P-7-processed", Kind.NFS, "nas.example.org:/processed/P-7",
            false, "vers=4.1", null);
    static final DataMount LOCAL = new DataMount("EXP-2", Kind.LOCAL, "/srv/data/EXP-2", true, null, null);
    static final DataMount CSI = new DataMount("dataset-9", Kind.CSI, "nfs.csi.k8s.io:/", true,
            "server=nas.example.org,share=/datasets/9", null);

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
    void thePodHasAVolumePerMountUnderTheUsersDataFolder() {
        String id = provider.compute().create(request("uid-d1", List.of(RAW, PROCESSED, LOCAL, CSI))).computeId();

        Pod pod = onlyPod(id);
        assertThat(dataVolumes(pod)).hasSize(4);
        Volume raw = dataVolumes(pod).get(0);
        assertThat(raw.getPersistentVolumeClaim().getClaimName()).isEqualTo("raw-data");
        assertThat(raw.getPersistentVolumeClaim().getReadOnly()).isTrue();
        Volume processed = dataVolumes(pod).get(1);
        assertThat(processed.getNfs().getServer()).isEqualTo("nas.example.org");
        assertThat(processed.getNfs().getPath()).isEqualTo("/processed/P-7");
        assertThat(processed.getNfs().getReadOnly()).isFalse();
        assertThat(dataVolumes(pod).get(2).getHostPath().getPath()).isEqualTo("/srv/data/EXP-2");
        Volume csi = dataVolumes(pod).get(3);
        assertThat(csi.getCsi().getDriver()).isEqualTo("nfs.csi.k8s.io");
        assertThat(csi.getCsi().getVolumeAttributes())
                .isEqualTo(Map.of("server", "nas.example.org", "share", "/datasets/9"));

        assertThat(dataMounts(pod)).extracting(VolumeMount::getMountPath).containsExactly(
                "/home/vantage/data/EXP-1", "/home/vantage/data/P-7-processed", "/home/vantage/data/EXP-2",
                "/home/vantage/data/dataset-9");
        assertThat(dataMounts(pod)).extracting(VolumeMount::getReadOnly).containsExactly(true, false, true, true);
        assertThat(dataMounts(pod)).extracting(VolumeMount::getSubPath).containsExactly("d22/2025/EXP-1", null, null,
                null);
        assertThat(env(pod, PodTemplates.DATA_ENV)).contains("\"target\":\"EXP-1\"").contains("P-7-processed")
                .contains("dataset-9");
    }

    @Test
    void anInstanceWithoutExperimentsHasNoDataVolumes() {
        String id = provider.compute().create(request("uid-d2", List.of())).computeId();

        assertThat(dataVolumes(onlyPod(id))).isEmpty();
        assertThat(dataMounts(onlyPod(id))).isEmpty();
        assertThat(env(onlyPod(id), PodTemplates.DATA_ENV)).isEqualTo("[]");
    }

    @Test
    void aMountAPodCannotHaveIsRefusedByNameBeforeAnythingIsCreated() {
        DataMount ceph = new DataMount("EXP-3", Kind.CEPHFS, "mon1,mon2:/raw/EXP-3", true, "name=v", "AQBkey==");

        assertThatThrownBy(() -> provider.compute().create(request("uid-d3", List.of(RAW, ceph))))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("Data mount EXP-3")
                .hasMessageNotContaining("AQBkey");
        assertThat(client.services().inNamespace(Fixtures.NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.pods().inNamespace(Fixtures.NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void aRunningPodGetsNewMountsAtItsNextRestart() {
        String id = provider.compute().create(request("uid-d4", List.of(RAW))).computeId();
        String firstPod = onlyPod(id).getMetadata().getName();

        assertThat(provider.compute().applyDataMounts(id, List.of(RAW, PROCESSED)))
                .isEqualTo(DataAttachment.AFTER_RESTART);
        assertThat(onlyPod(id).getMetadata().getName()).as("the running pod is left alone").isEqualTo(firstPod);
        assertThat(dataVolumes(onlyPod(id))).hasSize(1);
        assertThat(provider.compute().applyDataMounts(id, List.of(RAW, PROCESSED)))
                .as("asked again before the restart").isEqualTo(DataAttachment.AFTER_RESTART);

        provider.compute().reboot(id);

        assertThat(dataMounts(onlyPod(id))).extracting(VolumeMount::getMountPath)
                .containsExactly("/home/vantage/data/EXP-1", "/home/vantage/data/P-7-processed");
        assertThat(provider.compute().applyDataMounts(id, List.of(RAW, PROCESSED))).isEqualTo(DataAttachment.APPLIED);
    }

    @Test
    void aStoppedInstanceStartsWithExactlyItsNewMounts() {
        String id = provider.compute().create(request("uid-d5", List.of(RAW, PROCESSED))).computeId();
        provider.compute().stop(id);

        assertThat(provider.compute().applyDataMounts(id, List.of(PROCESSED))).isEqualTo(DataAttachment.APPLIED);
        provider.compute().start(id);

        assertThat(dataMounts(onlyPod(id))).extracting(VolumeMount::getMountPath)
                .containsExactly("/home/vantage/data/P-7-processed");
        assertThat(dataVolumes(onlyPod(id))).extracting(Volume::getName).containsExactly("data-0");
        assertThat(onlyPod(id).getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
                .containsOnlyOnce(PodTemplates.DATA_ENV);
    }

    private static CreateInstanceRequest request(String uid, List<DataMount> mounts) {
        CreateInstanceRequest plain = Fixtures.request(uid, "jupyter", "small");
        return new CreateInstanceRequest(plain.name(), plain.imageId(), plain.flavourId(), null, null,
                plain.metadata(), null, mounts);
    }

    private Pod onlyPod(String id) {
        List<Pod> pods = client.pods().inNamespace(Fixtures.NAMESPACE).withLabel(Names.INSTANCE_OBJECT, id).list()
                .getItems();
        assertThat(pods).hasSize(1);
        return pods.get(0);
    }

    private static List<Volume> dataVolumes(Pod pod) {
        return pod.getSpec().getVolumes().stream().filter(v -> v.getName().startsWith("data-")).toList();
    }

    private static List<VolumeMount> dataMounts(Pod pod) {
        Container container = pod.getSpec().getContainers().get(0);
        return container.getVolumeMounts().stream().filter(m -> m.getName().startsWith("data-")).toList();
    }

    private static String env(Pod pod, String name) {
        return pod.getSpec().getContainers().get(0).getEnv().stream().filter(e -> e.getName().equals(name))
                .map(EnvVar::getValue).findFirst().orElse(null);
    }
}
