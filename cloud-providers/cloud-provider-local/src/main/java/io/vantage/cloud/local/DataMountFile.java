package io.vantage.cloud.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

import io.vantage.cloud.api.DataMount;

/**
 * The data folders an instance was last given, kept beside its record (portal only, {@code rw-------}) so every
 * later launch opens the same ones: one line each, {@code <target> TAB ro|rw TAB <path>} (paths hold no control
 * characters: {@link DataMount} refuses them).
 */
final class DataMountFile {

    private DataMountFile() {
    }

    static void save(InstancePaths paths, List<DataMount> mounts) {
        StringBuilder text = new StringBuilder();
        for (DataMount mount : mounts) {
            text.append(mount.target()).append('\t').append(mount.readOnly() ? "ro" : "rw").append('\t')
                    .append(mount.source()).append('\n');
        }
        SecureFiles.write(paths.dataMounts(), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for an instance made before data folders existed. */
    static List<DataMount> load(InstancePaths paths) {
        try {
            return Files.readAllLines(paths.dataMounts(), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\t", 3))
                    .map(fields -> new DataMount(fields[0], DataMount.Kind.LOCAL, fields[2], !"rw".equals(fields[1]),
                            null, null))
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
