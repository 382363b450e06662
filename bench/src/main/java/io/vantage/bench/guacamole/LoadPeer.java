package io.vantage.bench.guacamole;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.io.GuacamoleReader;
import org.apache.guacamole.io.ReaderGuacamoleReader;
import org.apache.guacamole.protocol.GuacamoleInstruction;

/**
 * guacd for the benchmark: the real handshake, then per socket: a {@code sync} whose timestamp starts with "p" is
 * echoed at once (a ping), {@code size W H} starts a stream of frames ({@code size 0 0} stops it). A frame is
 * {@link #BLOBS_PER_FRAME} image-sized {@code blob}s and a {@code sync}; like guacd, at most {@link #FRAMES_IN_FLIGHT}
 * frames go out before the client acknowledges them with their sync.
 */
final class LoadPeer implements AutoCloseable {

    static final int BLOBS_PER_FRAME = 8;
    static final int FRAMES_IN_FLIGHT = 4;
    /** guacamole-common-js and guacd move images in blobs of this many base64 characters. */
    static final String BLOB = "A".repeat(8064);

    private static final List<String> ARGS = List.of("VERSION_1_5_0", "hostname", "port", "read-only", "password",
            "color-depth", "disable-copy", "disable-paste");

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final java.util.Map<Socket, Writer> writers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-peer-keepalive");
        thread.setDaemon(true);
        return thread;
    });

    LoadPeer() throws IOException {
        server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "load-peer");
        acceptor.setDaemon(true);
        acceptor.start();
        // like guacd: a nop every 5 seconds, so idle sessions are not taken for dead ones
        keepAlive.scheduleAtFixedRate(() -> writers.forEach((socket, writer) -> {
            try {
                send(writer, "3.nop;");
            } catch (IOException e) {
                writers.remove(socket);
            }
        }), 5, 5, TimeUnit.SECONDS);
    }

    int port() {
        return server.getLocalPort();
    }

    int openSockets() {
        return open.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                Thread thread = new Thread(() -> serve(socket), "load-peer-user");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            GuacamoleReader reader = new ReaderGuacamoleReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            Writer writer = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            GuacamoleInstruction select = reader.readInstruction();
            String id = select.getArgs().get(0).startsWith("$") ? select.getArgs().get(0) : "$" + UUID.randomUUID();
            send(writer, new GuacamoleInstruction("args", ARGS).toString());
            GuacamoleInstruction instruction;
            while ((instruction = reader.readInstruction()) != null && !"connect".equals(instruction.getOpcode())) {
                // size, audio, video, image, timezone, name
            }
            send(writer, Scanner.instruction("ready", id));
            writers.put(socket, writer);
            Stream stream = new Stream(writer);
            while ((instruction = reader.readInstruction()) != null) {
                List<String> args = instruction.getArgs();
                switch (instruction.getOpcode()) {
                    case "sync" -> {
                        if (args.get(0).startsWith("p")) {
                            send(writer, Scanner.instruction("sync", args.get(0)));
                        } else {
                            stream.acknowledged(Long.parseLong(args.get(0)));
                        }
                    }
                    case "size" -> stream.run(!"0".equals(args.get(0)));
                    default -> { }
                }
            }
            stream.run(false);
        } catch (GuacamoleException | IOException | RuntimeException e) {
            // the client or the portal hung up
        } finally {
            open.remove(socket);
            writers.remove(socket);
        }
    }

    static void send(Writer writer, String text) throws IOException {
        synchronized (writer) {
            writer.write(text);
            writer.flush();
        }
    }

    @Override
    public void close() throws IOException {
        keepAlive.shutdownNow();
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    /** Frames for one socket, paced by the client's acknowledgements. */
    private static final class Stream {
        private final Writer writer;
        private final Object lock = new Object();
        private long acknowledged;
        private boolean running;
        /** Each start gets a new number; a stream thread of an earlier start stops. */
        private int generation;

        Stream(Writer writer) {
            this.writer = writer;
        }

        void acknowledged(long frame) {
            synchronized (lock) {
                acknowledged = Math.max(acknowledged, frame);
                lock.notifyAll();
            }
        }

        void run(boolean on) {
            synchronized (lock) {
                if (on == running) {
                    return;
                }
                running = on;
                generation++;
                lock.notifyAll();
                if (on) {
                    int current = generation;
                    Thread thread = new Thread(() -> frames(current), "load-peer-stream");
                    thread.setDaemon(true);
                    thread.start();
                }
            }
        }

        private void frames(int mine) {
            StringBuilder frame = new StringBuilder();
            for (int i = 0; i < BLOBS_PER_FRAME; i++) {
                frame.append(Scanner.instruction("blob", "1", BLOB));
            }
            String blobs = frame.toString();
            long sent = acknowledged;
            try {
                while (true) {
                    synchronized (lock) {
                        while (generation == mine && sent - acknowledged >= FRAMES_IN_FLIGHT) {
                            lock.wait();
                        }
                        if (generation != mine) {
                            return;
                        }
                    }
                    sent++;
                    send(writer, blobs + Scanner.instruction("sync", Long.toString(sent)));
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        }
    }
}
