package io.vantage.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map in {@code docs/modules/} is what Spring Modulith's {@link Documenter} writes from the code: the
 * component diagram of all modules, one per module, and a canvas per module (what it exposes, its beans, the events
 * it publishes and listens to). This test writes it afresh and fails when the committed copy differs; to refresh it:
 * {@code mvn -pl portal-api test -Dtest=ModuleDocsTest -Dvantage.docs.write=true}, then commit {@code docs/modules}.
 */
class ModuleDocsTest {

    static final Path COMMITTED = Path.of("..", "docs", "modules");

    @Test
    void theCommittedModuleMapIsTheCodes() throws IOException {
        Path fresh = Path.of("target", "modules-docs");
        new Documenter(ModulesTest.MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        if (Boolean.getBoolean("vantage.docs.write")) {
            replace(COMMITTED, fresh);
        }
        assertThat(read(COMMITTED)).as("docs/modules is stale: regenerate it with "
                        + "mvn -pl portal-api test -Dtest=ModuleDocsTest -Dvantage.docs.write=true")
                .isEqualTo(read(fresh));
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> paths = Files.list(folder)) {
                paths.filter(Files::isRegularFile).forEach(file -> files.put(file.getFileName().toString(),
                        sortedLines(readString(file))));
            }
        }
        return files;
    }

    /** The Documenter lists modules, relations and beans in no fixed order: compare what is there, not where. */
    private static String sortedLines(String text) {
        return text.replace("\r\n", "\n").lines().map(String::stripTrailing).filter(line -> !line.isEmpty())
                .sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes only the files whose content changed, so a refresh does not churn files merely reordered. */
    private static void replace(Path target, Path source) throws IOException {
        Files.createDirectories(target);
        Map<String, String> fresh = read(source);
        Map<String, String> committed = read(target);
        for (String name : committed.keySet()) {
            if (!fresh.containsKey(name) && name.matches(".*\\.(puml|adoc)")) {
                Files.delete(target.resolve(name));
            }
        }
        for (String name : fresh.keySet()) {
            if (!fresh.get(name).equals(committed.get(name))) {
                Files.copy(source.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
