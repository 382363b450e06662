package io.vantage.cloud.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One launch in progress: the record it builds up (saved at every step), and what the launchers share. */
final class Launch {

    private final InstanceStore store;
    private final InstancePaths paths;
    private final LocalSettings settings;
    private final ProcessStarter starter;
    private final BooleanSupplier superseded;
    private InstanceRecord record;

    Launch(InstanceRecord record, InstanceStore store, LocalSettings settings, ProcessStarter starter,
           BooleanSupplier superseded) {
        this.record = record;
        this.store = store;
        this.paths = store.paths(record.computeId());
        this.settings = settings;
        this.starter = starter;
        this.superseded = superseded;
    }

    InstanceRecord record() {
        return record;
    }

    InstancePaths paths() {
        return paths;
    }

    LocalSettings settings() {
        return settings;
    }

    String executable(String name) {
        return starter.executables().require(name);
    }

    ProcessRecord start(String role, boolean essential, List<String> command, Map<String, String> env)
            throws LaunchException {
        try {
            Map<String, String> environment = new java.util.HashMap<>(ExperimentData.environment(record));
            environment.putAll(env);
            ProcessRecord process = starter.start(role, essential, command, environment, paths, record.user());
            update(record.withProcess(process));
            return process;
        } catch (IOException e) {
            throw new LaunchException("cannot start " + role + ": " + e.getMessage());
        }
    }

    /** A secret file for the instance's processes: readable by its user only. */
    void writeSecret(java.nio.file.Path file, byte[] content) {
        SecureFiles.write(file, content, record.user());
    }

    /** Ends a process of a failed attempt and forgets it, before the launcher retries. */
    void discard(ProcessRecord process) {
        ProcessTree.terminate(List.of(process), ProcessTree.uidOf(record.user()), settings.stopGrace());
        update(record.withoutProcess(process.pid()));
    }

    void display(int display) {
        update(record.withDisplay(display));
    }

    void port(int wellKnown, int actual) {
        update(record.withPort(wellKnown, actual));
    }

    /**
     * Waits until {@code ready}, or the process exits, or a later request (stop, delete) makes this launch moot.
     *
     * @return whether the process is ready
     */
    boolean awaitReady(ProcessRecord process, BooleanSupplier ready) throws LaunchException, InterruptedException {
        boolean settled = Waits.until(() -> superseded.getAsBoolean() || !ProcessTree.isAlive(process)
                || ready.getAsBoolean(), settings.startTimeout());
        if (superseded.getAsBoolean()) {
            throw new LaunchException("launch cancelled by a later request");
        }
        if (!settled) {
            throw new LaunchException(process.role() + " was not ready after " + settings.startTimeout()
                    + ": " + logTail(process.role()));
        }
        return ProcessTree.isAlive(process) && ready.getAsBoolean();
    }

    /** Whether a later request (stop, delete) made this launch moot. */
    boolean cancelled() {
        return superseded.getAsBoolean();
    }

    boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.connectHost(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean logContains(String role, String text) {
        try {
            return paths.readLog(role).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    String logTail(String role) {
        return paths.logTail(role);
    }

    private void update(InstanceRecord updated) {
        record = updated;
        store.save(updated);
    }
}
