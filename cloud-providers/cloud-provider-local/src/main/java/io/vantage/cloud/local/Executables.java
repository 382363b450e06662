package io.vantage.cloud.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds programs on a search path given in the settings rather than the process environment, so tests can point it
 * at an empty folder to play a machine without the packages, and every process is started by absolute path.
 */
final class Executables {

    private final String searchPath;
    private final List<Path> directories;

    Executables(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
        this.directories = Arrays.stream(this.searchPath.split(":"))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
    }

    String searchPath() {
        return searchPath;
    }

    Optional<Path> find(String name) {
        return directories.stream()
                .map(directory -> directory.resolve(name))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /** Only called after {@link LocalPackages#requireFor} passed, so a miss here is a race with an uninstall. */
    String require(String name) {
        return find(name).map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(name + " disappeared from " + searchPath));
    }
}
