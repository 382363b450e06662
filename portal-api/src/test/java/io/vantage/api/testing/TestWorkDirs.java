package io.vantage.api.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Every folder the tests of this JVM give the local provider or the embedded PostgreSQL lives under one root, so
 * {@link LeftoverMachines} can find what they started and remove it when the run ends.
 */
public final class TestWorkDirs {

    /** {@code ${java.io.tmpdir}/vantage-tests-${PID}}: the same path the test annotations spell in properties. */
    public static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "vantage-tests-" + ProcessHandle.current().pid());
    private static final Set<PosixFilePermission> TRAVERSABLE = PosixFilePermissions.fromString("rwx--x--x");

    private TestWorkDirs() {
    }

    /**
     * A new folder under {@link #ROOT}. Both are {@code rwx--x--x}, like the portal's data directory: other users
     * cannot list them, and instance users can pass through to their homes in a local provider's work dir.
     */
    public static Path create(String prefix) throws IOException {
        Files.createDirectories(ROOT);
        Files.setPosixFilePermissions(ROOT, TRAVERSABLE);
        Path folder = Files.createTempDirectory(ROOT, prefix);
        Files.setPosixFilePermissions(folder, TRAVERSABLE);
        return folder;
    }
}
