package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.DataMount.Kind;
import io.vantage.cloud.api.DataMounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A KubeVirt machine finds its data mounts in /etc/vantage/metadata.json, as the image contract says. */
@EnableKubernetesMockClient(https = false, crud = true)
class VmDataMountsTest {

    KubernetesMockServer server;
    KubernetesClient client;
    CloudProvider provider;

    @BeforeEach
    void setUp() {
        provider = Fixtures.provider(VmFixtures.settings(server.url("/"), false));
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void theMetadataFileHoldsExactlyTheMountsAndTheCredential() {
        DataMount raw = new DataMount("EXP-1", Kind.NFS, "nas.example.org:/raw/EXP-1", true, "vers=4.1", null);
        DataMount processed = new DataMount("P-7-processed", Kind.CEPHFS, "mon1,mon2:/processed/P-7", false,
                "name=p7", "AQBkeyOfThisVm==");

        String id = provider.compute().create(request("vm-d1", List.of(raw, processed))).computeId();

        Secret secret = client.secrets().inNamespace(Fixtures.NAMESPACE).withName(id).get();
        String userData = new String(Base64.getDecoder().decode(secret.getData().get(KubeVirt.USER_DATA_KEY)),
                StandardCharsets.UTF_8);
        String written = VmFixtures.writtenMetadata(VmFixtures.mimeParts(userData).get(0));
        assertThat(written).contains("\"vantage-data-0\":" + quoted(DataMounts.json(raw)),
                "\"vantage-data-1\":" + quoted(DataMounts.json(processed)),
                "\"vantage-data-secret-1\":\"AQBkeyOfThisVm==\"").doesNotContain("vantage-data-2")
                .doesNotContain("vantage-data-secret-0");
    }

    @Test
    void aKubernetesVolumeIsRefusedByNameBeforeAnythingIsCreated() {
        DataMount claim = new DataMount("EXP-2", Kind.KUBERNETES_CLAIM, "raw:/EXP-2", true, null, null);

        assertThatThrownBy(() -> provider.compute().create(request("vm-d2", List.of(claim))))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("Data mount EXP-2");
        assertThat(client.secrets().inNamespace(Fixtures.NAMESPACE).list().getItems()).isEmpty();
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static CreateInstanceRequest request(String uid, List<DataMount> mounts) {
        CreateInstanceRequest plain = Fixtures.request(uid, "desktop", "small");
        return new CreateInstanceRequest(plain.name(), plain.imageId(), plain.flavourId(), null, null,
                plain.metadata(), null, mounts);
    }
}
