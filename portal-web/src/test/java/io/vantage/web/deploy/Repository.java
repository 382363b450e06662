package io.vantage.web.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the deployment tests read (chart, compose file, docs), wherever Maven runs them from. */
final class Repository {

    static final Path ROOT = find();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("helm/vantage/Chart.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no helm/vantage/Chart.yaml above " + Path.of("").toAbsolutePath());
    }
}
