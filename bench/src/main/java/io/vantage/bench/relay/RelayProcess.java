package io.vantage.bench.relay;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vantage.bench.portal.PortalProcess;

/**
 * A peer relay in its own process between the benchmark's clients and its VNC server: websockify (noVNC's relay,
 * websocket to TCP, Debian's package), or socat (a plain TCP relay in C, Debian's package: what any relay costs at
 * least on this machine, since it only reads and writes, with no websocket framing at all).
 */
final class RelayProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RelayProcess(List<String> command, int port, Path log) throws IOException, InterruptedException {
        this.port = port;
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException(command.get(0) + " exited with " + process.exitValue() + "; see " + log);
                }
                Thread.sleep(100); // waiting for a starting process to listen
            }
        }
        throw new IOException(command.get(0) + " did not listen on " + port);
    }

    /** websockify as Open OnDemand runs it: a process per connection. */
    static RelayProcess websockify(int vncPort, Path log) throws IOException, InterruptedException {
        int port = PortalProcess.freePort();
        return new RelayProcess(List.of("websockify", "127.0.0.1:" + port, "127.0.0.1:" + vncPort), port, log);
    }

    /**
     * socat with its best settings for bulk data: a process per connection (fork), 256 KiB reads like the portal's
     * (its default is 8 KiB), no Nagle delay on either side.
     */
    static RelayProcess socat(int vncPort, Path log) throws IOException, InterruptedException {
        int port = PortalProcess.freePort();
        List<String> command = new ArrayList<>(List.of("socat", "-b", Integer.toString(RawWebSocket.READ_BUFFER),
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork,backlog=512,nodelay",
                "TCP:127.0.0.1:" + vncPort + ",nodelay"));
        return new RelayProcess(command, port, log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
