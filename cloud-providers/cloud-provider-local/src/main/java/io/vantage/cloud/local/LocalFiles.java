package io.vantage.cloud.local;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vantage.cloud.api.InstanceFileException;
import io.vantage.cloud.api.InstanceFileException.Reason;
import io.vantage.cloud.api.InstanceFiles;

/**
 * An instance's home and data folders, read and written by {@code files.py} running as the instance's user, so the
 * kernel decides what may be read or written (raw data stays read-only) and the portal's privileges are never used
 * on a path the user controls. {@code data/<target>} is resolved here through the portal's own link folder, never
 * through {@code ~/data}, which the user may replace.
 */
final class LocalFiles implements InstanceFiles {

    private static final String SCRIPT = script();

    private final InstanceStore store;
    private final Executables executables;

    LocalFiles(InstanceStore store, Executables executables) {
        this.store = store;
        this.executables = executables;
    }

    private record Place(InstanceUser user, Path root, List<String> names) {
    }

    @Override
    public List<Entry> list(String computeId, List<String> folder) {
        if (folder.equals(List.of("data"))) {
            return LocalFileListing.dataFolders(store.paths(computeId).data());
        }
        Place place = place(computeId, folder);
        Helper helper = Helper.start(command(place, "list", List.of()));
        String answer = helper.firstLine();
        helper.finish();
        return LocalFileListing.parse(answer.substring(3), folder.isEmpty());
    }

    @Override
    public Download read(String computeId, List<String> file) {
        Place place = fileIn(place(computeId, file));
        Helper helper = Helper.start(command(place, "read", List.of()));
        long size = Long.parseLong(helper.firstLine().substring(3).trim());
        return new Download() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream stream() {
                return helper.output;
            }

            @Override
            public void close() {
                helper.process.destroy();
            }
        };
    }

    @Override
    public void write(String computeId, List<String> file, long length, InputStream content, boolean replace)
            throws IOException {
        Place place = fileIn(place(computeId, file));
        Helper helper = Helper.start(command(place, "write",
                List.of(Long.toString(length), Boolean.toString(replace))));
        String ready = helper.firstLine();
        if (!ready.equals("READY")) {
            throw new InstanceFileException(Reason.FAILED, "The instance did not take the file");
        }
        long copied = 0;
        try (OutputStream input = helper.process.getOutputStream()) {
            copied = copy(content, input, length);
        } catch (IOException e) {
            // the browser went away (or the helper did): closing its input makes it remove its temporary file
            helper.process.getOutputStream().close();
            helper.firstLine(); // the helper's own reason when it stopped first (a full disk), else the stream's
            throw e;
        }
        if (copied < length) {
            helper.finish();
            throw new IOException("the upload ended after " + copied + " of " + length + " bytes");
        }
        helper.firstLine();
        helper.finish();
    }

    private static long copy(InputStream from, OutputStream to, long length) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        while (total < length) {
            int read = from.read(buffer, 0, (int) Math.min(buffer.length, length - total));
            if (read < 0) {
                break;
            }
            to.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private Place place(String computeId, List<String> names) {
        InstanceRecord record = store.load(computeId).orElseThrow(() ->
                new InstanceFileException(Reason.NOT_FOUND, "The instance has no files here any more"));
        InstancePaths paths = store.paths(computeId);
        if (names.isEmpty() || !names.get(0).equals("data")) {
            return new Place(record.user(), paths.home(), names);
        }
        if (names.size() < 2) {
            throw new InstanceFileException(Reason.REFUSED, "data holds the experiments' folders, not files");
        }
        Path link = paths.data().resolve(names.get(1));
        try {
            if (!Files.isSymbolicLink(link)) {
                throw new InstanceFileException(Reason.NOT_FOUND, "This instance has no data folder " + names.get(1));
            }
            return new Place(record.user(), Files.readSymbolicLink(link), names.subList(2, names.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file is named inside its root: {@code data/EXP-1} itself is a folder the provider made, not a file. */
    private static Place fileIn(Place place) {
        if (place.names().isEmpty()) {
            throw new InstanceFileException(Reason.REFUSED, "Name a file inside the folder");
        }
        return place;
    }

    private List<String> command(Place place, String operation, List<String> extra) {
        List<String> command = new ArrayList<>();
        if (place.user() != null) {
            command.addAll(List.of(executables.require("setpriv"), "--reuid=" + place.user().uid(),
                    "--regid=" + place.user().gid(), "--init-groups", "--"));
        }
        String python = python(place.user() != null);
        command.addAll(List.of(python, "-I", "-S", "-c", SCRIPT, operation, place.root().toString()));
        command.addAll(place.names());
        command.addAll(extra);
        return command;
    }

    /** Python from the search path, from a folder the instance's user can reach (not a root's own tool folder). */
    private String python(boolean asUser) {
        for (String folder : executables.searchPath().split(":")) {
            Path candidate = folder.isBlank() ? null : Path.of(folder, "python3");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)
                    && (!asUser || InstanceIsolation.blockedAncestor(Path.of(folder)).isEmpty())) {
                return candidate.toString();
            }
        }
        throw new InstanceFileException(Reason.FAILED, "File transfer needs python3 (Debian python3-minimal) on the "
                + "portal's host, in a folder of its PATH that instance users can reach");
    }

    private static String script() {
        try (InputStream in = LocalFiles.class.getResourceAsStream("files.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run of the helper: its first line says how it went; read's file bytes follow. */
    private record Helper(Process process, InputStream output) {

        static Helper start(List<String> command) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("/").toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // it runs as the instance user: the portal's variables must not be readable in its /proc/PID/environ
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/bin:/bin");
            builder.environment().put("LANG", "C.UTF-8");
            try {
                Process process = builder.start();
                return new Helper(process, new BufferedInputStream(process.getInputStream(), 1 << 16));
            } catch (IOException e) {
                throw new InstanceFileException(Reason.FAILED, "Could not reach the instance's files: "
                        + e.getMessage());
            }
        }

        /** The next line; an {@code ERR} line becomes the exception it names. */
        String firstLine() {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                int next;
                while ((next = output.read()) >= 0 && next != '\n') {
                    line.write(next);
                }
            } catch (IOException e) {
                throw new InstanceFileException(Reason.FAILED, "The instance's files did not answer");
            }
            String text = line.toString(StandardCharsets.UTF_8);
            if (text.startsWith("ERR ")) {
                finish();
                String[] parts = text.split(" ", 3);
                throw new InstanceFileException(Reason.valueOf(parts[1]), parts.length > 2 ? parts[2] : "refused");
            }
            if (text.isEmpty()) {
                finish();
                throw new InstanceFileException(Reason.FAILED, "The instance's files did not answer");
            }
            return text;
        }

        void finish() {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
