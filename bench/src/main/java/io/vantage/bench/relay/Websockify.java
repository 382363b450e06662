package io.vantage.bench.relay;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** noVNC's relay (Debian's websockify) between websocket clients and the benchmark's VNC server. */
final class Websockify implements AutoCloseable {

    private final Process process;
    private final int port;

    Websockify(int vncPort, Path log) throws IOException, InterruptedException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        process = new ProcessBuilder("websockify", "127.0.0.1:" + port, "127.0.0.1:" + vncPort)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException("websockify exited with " + process.exitValue() + "; see " + log);
                }
                Thread.sleep(100); // waiting for a starting process to listen
            }
        }
        throw new IOException("websockify did not listen on " + port);
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
