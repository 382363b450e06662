package io.vantage.web.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vantage.cloud.api.CloudInitUserData;
import io.vantage.cloud.api.InstanceMetadata;

/**
 * On clouds without a metadata service (KubeVirt) the portal's user data has cloud-init write the metadata to
 * {@code /etc/vantage/metadata.json} ({@link CloudInitUserData}, whose output the real cloud-init parser checks in
 * cloud-provider-api): the reference image's {@code vantage-configure} reads that file when cloud-init has no
 * {@code meta} to give, and configures the desktop and notebook from it.
 */
class MetadataFileContractTest {

    @TempDir
    Path root;

    @Test
    void vantageConfigureReadsTheFileTheUserDataWroteWhenCloudInitHasNoMeta() throws Exception {
        ImageScripts image = new ImageScripts(root);
        InstanceMetadata metadata = new InstanceMetadata("deploy-a", "kv7x2q9abc12", "1001", List.of("EXP-1"), 1280,
                800, "de-de-qwertz", "kubevirt-secret-1234567890");
        Files.createDirectories(image.etc);
        // exactly what CloudInitUserData has cloud-init write, with the mode it asks for
        Files.writeString(image.etc.resolve("metadata.json"), CloudInitUserData.json(metadata.machineMetadata()));
        Files.setPosixFilePermissions(image.etc.resolve("metadata.json"), PosixFilePermissions.fromString("rw-------"));
        // cloud-init on a NoCloud machine: no meta-data key "meta" to query
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path cloudInit = Files.writeString(bin.resolve("cloud-init"),
                "#!/bin/sh\necho 'Undefined jinja variable: \"ds.meta_data.meta\"' >&2\nexit 1\n");
        Files.setPosixFilePermissions(cloudInit, PosixFilePermissions.fromString("rwxr-xr-x"));

        String output = ImageScripts.run(List.of(ImageScripts.FILES.resolve("vantage-configure").toString()), Map.of(
                "PATH", bin + ":" + System.getenv("PATH"), "VANTAGE_ETC", image.etc.toString(),
                "VANTAGE_HOME", image.home.toString(), "VANTAGE_USER", "vantage-contract-test-nobody",
                "VANTAGE_LIB", ImageScripts.FILES.toString()));

        assertThat(output).contains("desktop 1280x800", "keyboard de", "notebook at /instances/kv7x2q9abc12/jupyter/")
                .doesNotContain("kubevirt-secret");
        assertThat(Files.readString(image.etc.resolve("jupyter.env")))
                .contains("JUPYTER_TOKEN=kubevirt-secret-1234567890", "JUPYTER_BASE_URL=/instances/kv7x2q9abc12/jupyter/");
        assertThat(Files.readString(image.etc.resolve("desktop.env"))).contains("VANTAGE_SCREEN=1280x800",
                "VANTAGE_KEYBOARD=de");
        assertThat(Files.exists(image.home.resolve(".vnc/passwd"))).isTrue();
    }
}
