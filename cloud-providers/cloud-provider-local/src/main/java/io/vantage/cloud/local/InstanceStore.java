package io.vantage.cloud.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Instances on disk, one folder each under {@code <workDir>/instances}. Always read from disk rather than cached,
 * so a provider re-created on the same folder (a restarted portal) sees exactly what is there.
 */
final class InstanceStore {

    private static final Logger log = LoggerFactory.getLogger(InstanceStore.class);
    /** Compute ids become folder names: anything else is refused before it can point outside the work dir. */
    private static final Pattern ID = Pattern.compile("local-[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path workDir;
    private final Path instances;
    private final String folderPermissions;

    InstanceStore(Path workDir) {
        this(workDir, SecureFiles.PRIVATE);
    }

    /** @param folderPermissions of the work dir and folders made on the way to it ({@code rwx--x--x} with users) */
    InstanceStore(Path workDir, String folderPermissions) {
        this.workDir = workDir;
        this.instances = workDir.resolve("instances");
        this.folderPermissions = folderPermissions;
    }

    Path workDir() {
        return workDir;
    }

    /** Makes the work dir if missing; instance users can only reach their homes through what is made here. */
    Path ensureWorkDir() {
        return SecureFiles.directory(workDir, folderPermissions);
    }

    static boolean isValidId(String computeId) {
        return computeId != null && ID.matcher(computeId).matches();
    }

    String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "local-" + HexFormat.of().formatHex(bytes);
    }

    InstancePaths paths(String computeId) {
        if (!isValidId(computeId)) {
            throw new IllegalArgumentException("not a local compute id: " + computeId);
        }
        return new InstancePaths(instances.resolve(computeId));
    }

    /** Creates the instance's private folders and saves its first record. */
    InstancePaths create(InstanceRecord record) {
        InstancePaths paths = paths(record.computeId());
        ensureWorkDir();
        SecureFiles.directory(paths.root());
        SecureFiles.directory(paths.secrets());
        SecureFiles.directory(paths.logs());
        SecureFiles.directory(paths.home());
        save(record);
        return paths;
    }

    void save(InstanceRecord record) {
        SecureFiles.write(paths(record.computeId()).recordFile(),
                InstanceRecordFormat.write(record).getBytes(StandardCharsets.UTF_8));
    }

    Optional<InstanceRecord> load(String computeId) {
        if (!isValidId(computeId)) {
            return Optional.empty();
        }
        Path file = paths(computeId).recordFile();
        try {
            return Optional.of(InstanceRecordFormat.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring unreadable local instance record {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    List<InstanceRecord> all() {
        if (!Files.isDirectory(instances)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(instances)) {
            return folders.map(folder -> folder.getFileName().toString())
                    .filter(InstanceStore::isValidId)
                    .sorted()
                    .map(this::load)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String computeId) {
        SecureFiles.deleteTree(paths(computeId).root());
    }
}
