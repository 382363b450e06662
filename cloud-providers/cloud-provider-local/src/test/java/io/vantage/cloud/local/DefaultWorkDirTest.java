package io.vantage.cloud.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultWorkDirTest {

    @TempDir
    Path temp;

    @Test
    void theDefaultUnderAPrivateFolderMovesToTheSameSystemFolderEveryTime() throws Exception {
        Path privateCheckout = Files.createDirectory(temp.resolve("checkout"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path wanted = privateCheckout.resolve(".vantage/local");
        LocalSettings defaults = LocalSettings.defaults();

        LocalSettings first = DefaultWorkDir.resolve("local", defaults, true, wanted);
        LocalSettings again = DefaultWorkDir.resolve("local", defaults, true, wanted);
        LocalSettings otherCheckout = DefaultWorkDir.resolve("local", defaults, true,
                privateCheckout.resolve("other/.vantage/local"));

        assertThat(Path.of(first.workDir()).getParent()).isEqualTo(DefaultWorkDir.SYSTEM_ROOT);
        assertThat(again.workDir()).isEqualTo(first.workDir());
        assertThat(otherCheckout.workDir()).isNotEqualTo(first.workDir());
    }

    @Test
    void staysWhereItIsWhenReachableWithoutUsersOrWhenSetExplicitly() throws Exception {
        Path privateCheckout = Files.createDirectory(temp.resolve("private"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path open = Files.createDirectory(temp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
        LocalSettings defaults = LocalSettings.defaults();
        LocalSettings explicit = defaults.withWorkDir(privateCheckout.resolve("work").toString());

        assertThat(DefaultWorkDir.resolve("local", defaults, true, open.resolve(".vantage/local")).workDir())
                .isEqualTo(LocalSettings.DEFAULT_WORK_DIR);
        assertThat(DefaultWorkDir.resolve("local", defaults, false, privateCheckout.resolve(".vantage/local"))
                .workDir()).isEqualTo(LocalSettings.DEFAULT_WORK_DIR);
        assertThat(DefaultWorkDir.resolve("local", explicit, true, privateCheckout.resolve(".vantage/local"))
                .workDir()).isEqualTo(explicit.workDir());
    }
}
