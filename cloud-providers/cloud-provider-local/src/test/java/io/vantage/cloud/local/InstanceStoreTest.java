package io.vantage.cloud.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceStoreTest {

    @TempDir
    Path workDir;

    @Test
    void savesAndReadsARecordInAPrivateFolder() throws Exception {
        InstanceStore store = new InstanceStore(workDir.resolve("nested/local"));
        InstanceRecord record = new InstanceRecord(store.newId(), "name with = and : and é", "desktop", "small",
                Instant.parse("2025-01-02T03:04:05Z"), Map.of("vantage-deployment", "d", "vantage-instance", "u"),
                1920, 1080, InstanceRecord.Desired.RUNNING, 101, Map.of(5901, 40000),
                List.of(new ProcessRecord("xvfb", 12, 1000, true), new ProcessRecord("xterm", 13, 1001, false)),
                "x11vnc (pid 3) exited: bad\nthings", new InstanceUser("vi-u", 990, 991));

        InstancePaths paths = store.create(record);

        assertThat(store.load(record.computeId())).contains(record);
        assertThat(store.all()).containsExactly(record);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.root()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.recordFile())))
                .isEqualTo("rw-------");

        store.save(record.cleared().withDesired(InstanceRecord.Desired.STOPPED));
        assertThat(store.load(record.computeId()).orElseThrow().processes()).isEmpty();

        store.delete(record.computeId());
        assertThat(paths.root()).doesNotExist();
        assertThat(store.load(record.computeId())).isEmpty();
    }

    @Test
    void refusesIdsThatAreNotItsOwn() {
        InstanceStore store = new InstanceStore(workDir);

        assertThat(InstanceStore.isValidId(store.newId())).isTrue();
        assertThat(store.load("../../etc")).isEmpty();
        assertThat(store.load("local-0123456789abcdef/..")).isEmpty();
        assertThat(store.load(null)).isEmpty();
        assertThat(store.all()).isEmpty();
    }
}
