package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.DataMount.Kind;
import io.vantage.cloud.api.DataMounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The experiments' data reaches a Proxmox machine's cloud-init, exactly those mounts; cluster volumes are refused. */
class ProxmoxDataMountsTest {

    static final DataMount RAW = new DataMount("EXP-1", Kind.NFS, "nfs.facility.eu:/raw/EXP-1", true,
            "vers=4.1,nosuid", null);
    static final DataMount PROCESSED = new DataMount("P-7-processed", Kind.CEPHFS, "mon1,mon2:/processed/P-7", false,
            "name=vantage", "AQBkeyOfThisVm==");

    @TempDir
    Path snippets;

    FakeProxmox cluster;
    Compute compute;

    @BeforeEach
    void setUp() {
        cluster = new FakeProxmox();
        compute = FakeProxmox.provider(cluster.settings(snippets), "portal-a").compute();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void theMountsTravelInTheUserDataAndTheMetaDataWithTheirCredentialAndNothingElse() throws Exception {
        compute.create(request("dat1", List.of(RAW, PROCESSED)));

        JsonNode written = new ObjectMapper().readTree(writtenMetadata(snippets.resolve("vantage-dat1-user.yaml")));
        assertThat(written.path("vantage-data-0").asText()).isEqualTo(DataMounts.json(RAW));
        assertThat(written.path("vantage-data-1").asText()).isEqualTo(DataMounts.json(PROCESSED));
        assertThat(written.path("vantage-data-secret-1").asText()).isEqualTo("AQBkeyOfThisVm==");
        assertThat(written.has("vantage-data-2")).isFalse();
        assertThat(written.has("vantage-data-secret-0")).isFalse();
        assertThat(written.path("vantage-instance").asText()).isEqualTo("dat1");
        JsonNode meta = new ObjectMapper().readTree(snippets.resolve("vantage-dat1-meta.yaml").toFile()).path("meta");
        assertThat(meta.path("vantage-data-0").asText()).isEqualTo(DataMounts.json(RAW));
        assertThat(meta.path("vantage-data-1").asText()).isEqualTo(DataMounts.json(PROCESSED));
        assertThat(meta.path("vantage-data-secret-1").asText()).isEqualTo("AQBkeyOfThisVm==");
        assertThat(meta.has("vantage-data-2")).isFalse();
        assertThat(meta.has("vantage-data-secret-0")).isFalse();
        assertThat(cluster.vm(101).description).as("the VM's notes, which any Proxmox user with audit rights reads")
                .doesNotContain("AQBkeyOfThisVm==");
    }

    @Test
    void withoutExperimentsTheMachineGetsNoDataKeys() throws Exception {
        compute.create(request("dat2", List.of()));

        assertThat(writtenMetadata(snippets.resolve("vantage-dat2-user.yaml"))).contains("vantage-instance")
                .doesNotContain("vantage-data-");
        assertThat(Files.readString(snippets.resolve("vantage-dat2-meta.yaml"))).doesNotContain("vantage-data-");
    }

    @Test
    void aKubernetesVolumeIsRefusedByNameBeforeAnythingReachesProxmox() {
        DataMount claim = new DataMount("EXP-2", Kind.KUBERNETES_CLAIM, "raw:/EXP-2", true, null, null);
        int before = cluster.wireMock().findAll(anyRequestedFor(urlPathMatching(".*"))).size();

        assertThatThrownBy(() -> compute.create(request("dat3", List.of(RAW, claim))))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("Data mount EXP-2")
                .hasMessageContaining("NFS or CephFS");

        assertThat(cluster.wireMock().findAll(anyRequestedFor(urlPathMatching(".*")))).hasSize(before);
        assertThat(cluster.wireMock().findAll(postRequestedFor(urlPathMatching(".*/clone")))).isEmpty();
        assertThat(snippets).isEmptyDirectory();
    }

    /** What the user data's cloud-config part writes to /etc/vantage/metadata.json (two base64 layers). */
    private static String writtenMetadata(Path userData) throws Exception {
        String mime = Files.readString(userData);
        Matcher part = Pattern.compile("filename=\"vantage-metadata.cfg\"\n\n([A-Za-z0-9+/=\n]+)").matcher(mime);
        assertThat(part.find()).as("the metadata part in %s", mime).isTrue();
        String config = new String(Base64.getMimeDecoder().decode(part.group(1)), StandardCharsets.UTF_8);
        Matcher content = Pattern.compile("content: (\\S+)").matcher(config);
        assertThat(content.find()).as(config).isTrue();
        return new String(Base64.getDecoder().decode(content.group(1)), StandardCharsets.UTF_8);
    }

    private static CreateInstanceRequest request(String uid, List<DataMount> mounts) {
        CreateInstanceRequest plain = ProxmoxComputeTest.request(uid, "small");
        return new CreateInstanceRequest(plain.name(), plain.imageId(), plain.flavourId(), null, null,
                plain.metadata(), plain.userData(), mounts);
    }
}
