package io.vantage.cloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user data is read by the real cloud-init (Debian's package, which {@code .ci/run} installs): the parts it sees,
 * the cloud-config it merges, and the metadata file it would write.
 */
class CloudInitUserDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aShellScriptRunsAsIsAndTheMetadataIsWrittenForRootOnly() throws Exception {
        InstanceMetadata metadata = metadata("owner@facility.eu", List.of("EXP-1", "EXP-2"));
        String script = "#!/bin/sh\necho 'image boot script'\n";

        JsonNode read = cloudInit(CloudInitUserData.of(metadata, script));

        assertThat(read.at("/parts/0/type").asText()).isEqualTo("text/x-shellscript");
        assertThat(read.at("/parts/0/payload").asText()).isEqualTo(script);
        assertThat(read.at("/parts/1/type").asText()).isEqualTo("text/cloud-config");
        JsonNode file = read.at("/files").get(CloudInitUserData.METADATA_PATH);
        assertThat(file.get("permissions").asText()).isEqualTo("0600");
        assertThat(file.get("owner").asText()).isEqualTo("root:root");
        Map<String, String> written = JSON.readValue(file.get("content").asText(),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        assertThat(written).isEqualTo(metadata.machineMetadata()).containsEntry("vantage-secret", "pa\"ss\\word")
                .containsEntry("vantage-experiments", "EXP-1,EXP-2");
    }

    @Test
    void anImagesOwnCloudConfigKeepsItsFiles() throws Exception {
        String image = "#cloud-config\nwrite_files:\n  - path: /etc/motd\n    content: Welcome\n";

        JsonNode read = cloudInit(CloudInitUserData.of(metadata("o", List.of()), image));

        assertThat(read.at("/parts").findValuesAsText("type")).containsExactly("text/cloud-config", "text/cloud-config");
        assertThat(read.at("/files").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("/etc/motd", CloudInitUserData.METADATA_PATH);
        assertThat(read.at("/files").get("/etc/motd").get("content").asText()).isEqualTo("Welcome");
    }

    @Test
    void withoutImageUserDataOnlyTheMetadataIsSent() throws Exception {
        InstanceMetadata metadata = metadata("Zoë \"Z\" Ørsted\n", List.of());

        JsonNode read = cloudInit(CloudInitUserData.of(metadata, null));

        assertThat(read.at("/parts")).hasSize(1);
        String content = read.at("/files").get(CloudInitUserData.METADATA_PATH).get("content").asText();
        assertThat(JSON.readTree(content).get(Tags.OWNER).asText()).isEqualTo("Zoë \"Z\" Ørsted\n");
    }

    private static InstanceMetadata metadata(String owner, List<String> experiments) {
        return new InstanceMetadata("deploy-a", "abc123def", owner, experiments, 1600, 900, "en-gb-qwerty",
                "pa\"ss\\word");
    }

    private JsonNode cloudInit(String userData) throws IOException, InterruptedException {
        Path file = dir.resolve("user-data");
        Files.writeString(file, userData);
        Path script = dir.resolve("cloud-init-parts.py");
        try (InputStream in = getClass().getResourceAsStream("/cloud-init-parts.py")) {
            Files.copy(in, script);
        }
        // Debian's python3, where the cloud-init package lives (a PATH python may be another one)
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString())
                .redirectError(dir.resolve("stderr").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr"))).isZero();
        return JSON.readTree(out);
    }
}
