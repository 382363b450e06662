package io.vantage.web.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vantage.cloud.api.CloudInitUserData;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.DataMounts;
import io.vantage.cloud.api.InstanceMetadata;

/**
 * The reference image mounts exactly the data mounts the portal lists in the metadata ({@link DataMounts}), under
 * the user's {@code ~/data}, read-only where asked and always {@code nosuid,nodev}: {@code vantage-configure} runs
 * {@code vantage-data} with a mount command that only writes down what it would run (this machine cannot mount NFS).
 */
class DataMountContractTest {

    @TempDir
    Path root;

    @Test
    void eachListedMountIsMountedUnderDataWithItsAccessAndTheKeyStaysInARootOnlyFile() throws Exception {
        ImageScripts image = new ImageScripts(root);
        InstanceMetadata metadata = new InstanceMetadata("deploy-a", "dm7x2q9abc12", "1001", List.of("EXP-1"), 1280,
                800, "en-gb-qwerty", "data-secret-1234567890ab");
        List<DataMount> mounts = List.of(
                new DataMount("EXP-1", DataMount.Kind.NFS, "nas.example.org:/exports/d22/EXP-1", true,
                        "vers=4.1,rw", null),
                new DataMount("P-7-processed", DataMount.Kind.CEPHFS, "mon1,mon2:/processed/P-7", false,
                        "name=vantage-p7", "AQBcephKeyOfThisInstance=="),
                new DataMount("EXP-2", DataMount.Kind.LOCAL, "/srv/data/EXP-2", true, null, null));
        Map<String, String> values = new LinkedHashMap<>(metadata.machineMetadata());
        values.putAll(DataMounts.machineMetadata(mounts));
        // after a gap nothing more is read: the portal numbers its mounts from 0 without holes
        values.put("vantage-data-4", DataMounts.json(new DataMount("unlisted", DataMount.Kind.NFS, "nas:/etc", true,
                null, null)));
        Path log = root.resolve("mount.log");

        String output = configure(image, values, log);

        Path data = image.home.resolve("data");
        assertThat(Files.readAllLines(log)).containsExactly(
                "-t nfs -o vers=4.1,rw,nosuid,nodev,ro nas.example.org:/exports/d22/EXP-1 " + data.resolve("EXP-1"),
                "-t ceph -o name=vantage-p7,nosuid,nodev,rw,secretfile=" + image.etc.resolve("data-secret-1")
                        + " mon1,mon2:/processed/P-7 " + data.resolve("P-7-processed"),
                "--bind /srv/data/EXP-2 " + data.resolve("EXP-2"),
                "-o remount,bind,nosuid,nodev,ro " + data.resolve("EXP-2"));
        assertThat(Files.readString(image.etc.resolve("data-secret-1"))).isEqualTo("AQBcephKeyOfThisInstance==");
        assertThat(Files.getPosixFilePermissions(image.etc.resolve("data-secret-1")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(output).contains("~/data/EXP-1 <- nfs", "(ro)", "desktop 1280x800").doesNotContain("AQBceph")
                .doesNotContain("unlisted");
        assertThat(data.resolve("unlisted")).doesNotExist();
    }

    @Test
    void aMountTheImageCannotMakeIsReportedAndLeftOutWhileTheOthersAndTheDesktopGoOn() throws Exception {
        ImageScripts image = new ImageScripts(root);
        InstanceMetadata metadata = new InstanceMetadata("deploy-a", "dm8x2q9abc12", "1001", List.of("EXP-1"), 1280,
                800, null, "data-secret-1234567890cd");
        Map<String, String> values = new LinkedHashMap<>(metadata.machineMetadata());
        values.put("vantage-data-0", "{\"target\":\"EXP-1\",\"kind\":\"nfs\",\"source\":\"nas:/raw/../../etc\","
                + "\"readOnly\":true}");
        values.put("vantage-data-1", DataMounts.json(new DataMount("EXP-3", DataMount.Kind.KUBERNETES_CLAIM,
                "raw-claim:/EXP-3", true, null, null)));
        values.put("vantage-data-2", "{\"target\":\"EXP-4\",\"kind\":\"nfs\",\"source\":\"nas:/raw/EXP-4\","
                + "\"readOnly\":true,\"options\":\"vers=4.1 -o suid\"}");
        values.put("vantage-data-3", DataMounts.json(new DataMount("EXP-5", DataMount.Kind.NFS, "nas:/raw/EXP-5",
                true, null, null)));
        Path log = root.resolve("mount.log");

        String output = configure(image, values, log);

        assertThat(Files.readAllLines(log)).containsExactly(
                "-t nfs -o nosuid,nodev,ro nas:/raw/EXP-5 " + image.home.resolve("data/EXP-5"));
        assertThat(output).contains("EXP-1: source", "EXP-3: this image cannot mount kind 'kubernetes-claim'",
                "EXP-4: options", "some experiment data folders are missing", "desktop 1280x800");
        assertThat(Files.exists(image.etc.resolve("jupyter.env"))).isTrue();
    }

    private String configure(ImageScripts image, Map<String, String> values, Path log) throws Exception {
        Path metadataFile = root.resolve("metadata.json");
        Files.writeString(metadataFile, CloudInitUserData.json(values));
        Path mount = Files.writeString(root.resolve("record-mount"),
                "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\n");
        Files.setPosixFilePermissions(mount, PosixFilePermissions.fromString("rwx------"));
        Files.createFile(log);
        return ImageScripts.run(List.of(ImageScripts.FILES.resolve("vantage-configure").toString()), Map.of(
                "VANTAGE_METADATA", metadataFile.toString(), "VANTAGE_ETC", image.etc.toString(),
                "VANTAGE_HOME", image.home.toString(), "VANTAGE_USER", "vantage-contract-test-nobody",
                "VANTAGE_LIB", ImageScripts.FILES.toString(), "VANTAGE_MOUNT", mount.toString()));
    }
}
