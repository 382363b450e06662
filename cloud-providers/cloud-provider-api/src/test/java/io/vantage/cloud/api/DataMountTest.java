package io.vantage.cloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataMountTest {

    @Test
    void targetsAreSingleFolderNames() {
        for (String bad : new String[] {"..", ".", ".hidden", "a/b", "", "-x", "exp 1", "a".repeat(101)}) {
            assertThatThrownBy(() -> new DataMount(bad, DataMount.Kind.LOCAL, "/data/x", true, null, null))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
        }
        assertThat(new DataMount("EXP-1.v2_a", DataMount.Kind.LOCAL, "/data/x", true, null, null).folder())
                .isEqualTo("data/EXP-1.v2_a");
    }

    @Test
    void sourcesAreAbsoluteNormalisedPathsBehindTheirServer() {
        for (String bad : new String[] {"data/x", "/data/../etc", "/data/./x", "/data//x", "/data/x/"}) {
            assertThatThrownBy(() -> new DataMount("t", DataMount.Kind.LOCAL, bad, true, null, null))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalised");
        }
        assertThatThrownBy(() -> new DataMount("t", DataMount.Kind.NFS, "/export/x", true, null, null))
                .hasMessageContaining("names no server");
        assertThatThrownBy(() -> new DataMount("t", DataMount.Kind.NFS, "nfs:/export/../x", true, null, null))
                .hasMessageContaining("normalised");
        DataMount nfs = new DataMount("t", DataMount.Kind.NFS, "nfs.example.org:/export/D22", false, " vers=4.1 ", null);
        assertThat(nfs.server()).isEqualTo("nfs.example.org");
        assertThat(nfs.path()).isEqualTo("/export/D22");
        assertThat(nfs.options()).isEqualTo("vers=4.1");
    }

    @Test
    void theMachinesMetadataHasOneKeyPerMountAndKeepsCredentialsApart() {
        List<DataMount> mounts = List.of(
                new DataMount("EXP-1", DataMount.Kind.CEPHFS, "mon1,mon2:/raw/\"q\"", true, "name=vantage", "AQBkey=="),
                new DataMount("P-processed", DataMount.Kind.NFS, "nfs:/processed/P", false, null, null));

        Map<String, String> metadata = DataMounts.machineMetadata(mounts);

        assertThat(metadata).containsExactly(
                Map.entry("vantage-data-0", "{\"target\":\"EXP-1\",\"kind\":\"cephfs\",\"source\":"
                        + "\"mon1,mon2:/raw/\\\"q\\\"\",\"readOnly\":true,\"options\":\"name=vantage\"}"),
                Map.entry("vantage-data-secret-0", "AQBkey=="),
                Map.entry("vantage-data-1", "{\"target\":\"P-processed\",\"kind\":\"nfs\",\"source\":\"nfs:/processed/P\","
                        + "\"readOnly\":false}"));
        assertThat(DataMounts.jsonArray(mounts)).doesNotContain("AQBkey").startsWith("[{").endsWith("}]");
        assertThat(mounts.get(0).toString()).doesNotContain("AQBkey").contains("secret=****");
    }

    @Test
    void twoMountsCannotShareAFolder() {
        DataMount one = new DataMount("EXP-1", DataMount.Kind.LOCAL, "/a", true, null, null);
        DataMount two = new DataMount("EXP-1", DataMount.Kind.LOCAL, "/b", true, null, null);
        assertThatThrownBy(() -> new CreateInstanceRequest("n", "i", "f", null, null,
                new InstanceMetadata("d", "u", "o", List.of(), 0, 0, null, null), null, List.of(one, two)))
                .hasMessageContaining("share a target");
    }
}
