package io.vantage.cloud.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where one instance keeps its files; the whole folder goes away on delete. Only the portal reads the record and the
 * logs. With a user per instance the folder is {@code rwx--x--x}, so that user can pass through to its home
 * ({@code rwx------}, its own) and its secrets ({@code rwx--x---}, the portal's, group the user's); without, the
 * folder is {@code rwx------}.
 */
record InstancePaths(Path root) {

    Path recordFile() {
        return root.resolve("instance.properties");
    }

    Path secrets() {
        return root.resolve("secrets");
    }

    Path vncPassword() {
        return secrets().resolve("vnc-passwd");
    }

    Path xauthority() {
        return secrets().resolve("Xauthority");
    }

    Path jupyterToken() {
        return secrets().resolve("jupyter-token");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String role) {
        return logs().resolve(role + ".log");
    }

    /** The portal's folder of links to the instance's experiment data; {@code ~/data} points here. */
    Path data() {
        return root.resolve("data");
    }

    /** The data folders the instance was given (no credentials: the local provider needs none). */
    Path dataMounts() {
        return root.resolve("data-mounts");
    }

    /** HOME of the processes and the notebooks' folder, so desktops and notebooks show the same files. */
    Path home() {
        return root.resolve("home");
    }

    /** The last meaningful line a process wrote: usually why it stopped. */
    String logTail(String role) {
        try {
            List<String> lines = readLog(role).lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Decoded leniently: a process may write bytes that are not UTF-8. */
    String readLog(String role) throws IOException {
        return new String(Files.readAllBytes(log(role)), StandardCharsets.UTF_8);
    }
}
