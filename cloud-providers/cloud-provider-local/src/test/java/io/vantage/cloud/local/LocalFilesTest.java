package io.vantage.cloud.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vantage.cloud.api.InstanceFileException;
import io.vantage.cloud.api.InstanceFileException.Reason;
import io.vantage.cloud.api.InstanceFiles;

/**
 * The local provider's file access (as the portal's own user here; {@code TransferApiTest} runs it as instance users):
 * whole files or nothing, no link followed below the home or a data folder, and {@code data/<target>} found through
 * the portal's link folder even when the user replaced {@code ~/data}.
 */
class LocalFilesTest {

    @TempDir
    Path workDir;

    @TempDir
    Path elsewhere;

    LocalFiles files;
    String id;
    Path home;
    Path raw;

    @BeforeEach
    void instance() throws Exception {
        InstanceStore store = new InstanceStore(workDir);
        InstanceRecord record = new InstanceRecord(store.newId(), "files", "desktop", "small", Instant.now(),
                Map.of(), 800, 600, InstanceRecord.Desired.RUNNING, 0, Map.of(), List.of(), null, null);
        InstancePaths paths = store.create(record);
        id = record.computeId();
        home = Files.createDirectories(paths.home());
        raw = Files.createDirectories(elsewhere.resolve("raw/EXP-1"));
        Files.writeString(raw.resolve("run.csv"), "q,I\n");
        Files.createDirectories(paths.data());
        Files.createSymbolicLink(paths.data().resolve("EXP-1"), raw);
        Files.writeString(elsewhere.resolve("secret.txt"), "not the instance's");
        // the user's own ~/data, pointing somewhere else: never followed
        Files.createSymbolicLink(home.resolve("data"), elsewhere);
        files = new LocalFiles(store, new Executables(System.getenv("PATH")));
    }

    @Test
    void writesWholeFilesAndReadsThemBack() throws Exception {
        byte[] content = "spectrum\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve("results"));
        files.write(id, List.of("results", "s.txt"), content.length, new ByteArrayInputStream(content), false);

        try (InstanceFiles.Download download = files.read(id, List.of("results", "s.txt"));
             InputStream in = download.stream()) {
            assertThat(download.size()).isEqualTo(content.length);
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(files.list(id, List.of())).extracting(InstanceFiles.Entry::name).containsExactly("data", "results");
        assertThatThrownBy(() -> files.write(id, List.of("results", "s.txt"), 1, new ByteArrayInputStream(new byte[1]),
                false)).isInstanceOfSatisfying(InstanceFileException.class,
                e -> assertThat(e.reason()).isEqualTo(InstanceFileException.Reason.EXISTS));
        files.write(id, List.of("results", "s.txt"), 1, new ByteArrayInputStream(new byte[] {'x'}), true);
        assertThat(Files.readString(home.resolve("results/s.txt"))).isEqualTo("x");
    }

    @Test
    void aShortUploadLeavesNothing() throws Exception {
        assertThatThrownBy(() -> files.write(id, List.of("cut.bin"), 1000, new ByteArrayInputStream(new byte[10]),
                false)).isInstanceOf(IOException.class);
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("data");
        }
    }

    @Test
    void linksBelowTheHomeAreNotFollowed() throws Exception {
        Files.createSymbolicLink(home.resolve("out"), elsewhere);
        Files.createSymbolicLink(home.resolve("secret.txt"), elsewhere.resolve("secret.txt"));

        for (List<String> path : List.of(List.of("out", "secret.txt"), List.of("secret.txt"))) {
            assertThatThrownBy(() -> files.read(id, path)).isInstanceOfSatisfying(InstanceFileException.class,
                    e -> assertThat(e.reason()).as("%s", path).isEqualTo(InstanceFileException.Reason.REFUSED));
        }
        assertThatThrownBy(() -> files.write(id, List.of("out", "new.txt"), 1, new ByteArrayInputStream(new byte[1]),
                false)).isInstanceOf(InstanceFileException.class);
        assertThat(elsewhere.resolve("new.txt")).doesNotExist();
        assertThat(files.list(id, List.of())).extracting(InstanceFiles.Entry::name).doesNotContain("out", "secret.txt");
    }

    @Test
    void dataFoldersComeFromThePortalsLinksNotTheUsers() throws Exception {
        assertThat(files.list(id, List.of("data"))).extracting(InstanceFiles.Entry::name).containsExactly("EXP-1");
        try (InstanceFiles.Download download = files.read(id, List.of("data", "EXP-1", "run.csv"));
             InputStream in = download.stream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("q,I\n");
        }
        assertThatThrownBy(() -> files.read(id, List.of("data", "secret.txt"))).isInstanceOfSatisfying(
                InstanceFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> files.read(id, List.of("data", "EXP-1"))).isInstanceOfSatisfying(
                InstanceFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED));
    }
}
