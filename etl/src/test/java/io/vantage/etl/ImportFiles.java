package io.vantage.etl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an import folder: the repository's sample (etl/sample) to start with, then files replaced per test. */
public final class ImportFiles {

    public static final Path SAMPLE = Path.of("sample");

    private final Path dir;

    private ImportFiles(Path dir) {
        this.dir = dir;
    }

    /** The messy export written for the tests (see src/test/resources/messy-export/README.md). */
    public static final Path MESSY = Path.of("src/test/resources/messy-export");

    public static ImportFiles sample(Path dir) throws IOException {
        return copy(SAMPLE, dir);
    }

    /** Replaces the folder's content with the files of {@code from}. */
    public static ImportFiles copy(Path from, Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            for (Path file : entries.toList()) {
                Files.delete(file);
            }
        }
        try (var entries = Files.list(from)) {
            for (Path file : entries.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".json"))
                    .toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return new ImportFiles(dir);
    }

    /** Replaces {@code name} (e.g. "users.csv"), removing the entity's file in the other format. */
    public ImportFiles write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public ImportFiles write(String name, byte[] content) throws IOException {
        String base = name.substring(0, name.lastIndexOf('.'));
        Files.deleteIfExists(dir.resolve(base + ".csv"));
        Files.deleteIfExists(dir.resolve(base + ".json"));
        Files.write(dir.resolve(name), content);
        return this;
    }

    /** Appends lines to a CSV file of the folder. */
    public ImportFiles append(String name, String lines) throws IOException {
        Files.writeString(dir.resolve(name), lines, java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    public String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    public Path dir() {
        return dir;
    }
}
