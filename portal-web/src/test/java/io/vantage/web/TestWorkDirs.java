package io.vantage.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every folder the tests of this JVM give the local provider or the embedded PostgreSQL lives under one root, so
 * {@link LeftoverMachines} can find what they started and remove it when the run ends.
 */
public final class TestWorkDirs {

    /** {@code ${java.io.tmpdir}/vantage-tests-${PID}}: the same path the test annotations spell in properties. */
    public static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "vantage-tests-" + ProcessHandle.current().pid());

    private TestWorkDirs() {
    }

    public static Path create(String prefix) throws IOException {
        Files.createDirectories(ROOT);
        return Files.createTempDirectory(ROOT, prefix);
    }
}
