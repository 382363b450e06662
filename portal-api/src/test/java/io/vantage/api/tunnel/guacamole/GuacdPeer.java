package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.io.GuacamoleReader;
import org.apache.guacamole.io.GuacamoleWriter;
import org.apache.guacamole.io.ReaderGuacamoleReader;
import org.apache.guacamole.io.WriterGuacamoleWriter;
import org.apache.guacamole.protocol.GuacamoleInstruction;

/**
 * guacd's side of the Guacamole protocol, written with guacamole-common: the handshake as guacd 1.5/1.6 runs it for
 * VNC (select, args with the protocol version first, size/audio/video/image/timezone/name, connect, ready), joining
 * an existing connection by its id, keep-alive {@code nop}s, and a record of everything each user sent.
 */
public final class GuacdPeer implements AutoCloseable {

    /** guacd 1.6's VNC arguments (without SFTP, audio, repeater), protocol version first. */
    static final List<String> VNC_ARGS = List.of("VERSION_1_5_0", "hostname", "port", "read-only",
            "disable-display-resize", "encodings", "username", "password", "swap-red-blue", "color-depth", "cursor",
            "autoretry", "clipboard-encoding", "recording-path", "recording-name", "recording-exclude-output",
            "recording-exclude-mouse", "recording-include-keys", "create-recording-path", "recording-write-existing",
            "disable-copy", "disable-paste", "disable-server-input", "wol-send-packet", "wol-mac-addr",
            "wol-broadcast-addr", "wol-udp-port", "wol-wait-time", "force-lossless", "compress-level",
            "quality-level");

    private final ServerSocket server;
    private final List<User> users = new CopyOnWriteArrayList<>();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final List<String> selects = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "guacd-peer-keepalive");
        thread.setDaemon(true);
        return thread;
    });

    public GuacdPeer() throws IOException {
        server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "guacd-peer");
        acceptor.setDaemon(true);
        acceptor.start();
        // guacd sends a nop every 5 s on every user's socket
        keepAlive.scheduleAtFixedRate(() -> users.forEach(u -> u.trySend("nop")), 2, 2, TimeUnit.SECONDS);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The users that completed the handshake, oldest first. */
    public List<User> users() {
        return List.copyOf(users);
    }

    /** Every {@code select} argument received, including refused joins. */
    public List<String> selects() {
        return List.copyOf(selects);
    }

    /** Like a guacd restart: existing connection ids are unknown from now on. */
    public void forgetConnections() {
        connections.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread thread = new Thread(() -> serve(socket), "guacd-peer-user");
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
            GuacamoleWriter writer = new WriterGuacamoleWriter(new OutputStreamWriter(socket.getOutputStream(),
                    StandardCharsets.UTF_8));
            GuacamoleInstruction select = reader.readInstruction();
            if (select == null || !"select".equals(select.getOpcode())) {
                return;
            }
            String selected = select.getArgs().get(0);
            selects.add(selected);
            boolean join = selected.startsWith("$");
            if (join && !connections.contains(selected)) {
                return; // guacd logs "Connection does not exist" and hangs up
            }
            writer.writeInstruction(new GuacamoleInstruction("args", VNC_ARGS));
            Map<String, List<String>> handshake = new LinkedHashMap<>();
            GuacamoleInstruction instruction;
            while ((instruction = reader.readInstruction()) != null && !"connect".equals(instruction.getOpcode())) {
                handshake.put(instruction.getOpcode(), instruction.getArgs());
            }
            if (instruction == null) {
                return;
            }
            Map<String, String> args = new LinkedHashMap<>();
            for (int i = 0; i < VNC_ARGS.size(); i++) {
                args.put(VNC_ARGS.get(i), instruction.getArgs().get(i));
            }
            String connectionId = join ? selected : "$" + UUID.randomUUID();
            connections.add(connectionId);
            User user = new User(socket, writer, selected, connectionId, args, handshake);
            users.add(user);
            user.send("ready", connectionId);
            while ((instruction = reader.readInstruction()) != null) {
                user.received.add(instruction);
            }
            user.eof = true;
        } catch (GuacamoleException | IOException | RuntimeException e) {
            // the portal hung up, or the test closed the peer
        } finally {
            users.stream().filter(u -> u.socket == socket).forEach(u -> u.eof = true);
        }
    }

    @Override
    public void close() throws IOException {
        keepAlive.shutdownNow();
        server.close();
        for (User user : users) {
            user.close();
        }
    }

    /** One guacd user: a socket from the portal that completed the handshake. */
    public static final class User {
        private final Socket socket;
        private final GuacamoleWriter writer;
        public final String select;
        public final String connectionId;
        /** connect's values by argument name; the first entry is the protocol version the client chose. */
        public final Map<String, String> args;
        /** size, audio, video, image, timezone, name as received. */
        public final Map<String, List<String>> handshake;
        private final List<GuacamoleInstruction> received = new CopyOnWriteArrayList<>();
        private volatile boolean eof;

        User(Socket socket, GuacamoleWriter writer, String select, String connectionId, Map<String, String> args,
             Map<String, List<String>> handshake) {
            this.socket = socket;
            this.writer = writer;
            this.select = select;
            this.connectionId = connectionId;
            this.args = args;
            this.handshake = handshake;
        }

        public void send(String opcode, String... args) throws GuacamoleException {
            synchronized (writer) {
                writer.writeInstruction(new GuacamoleInstruction(opcode, args));
            }
        }

        void trySend(String opcode) {
            try {
                send(opcode);
            } catch (GuacamoleException | RuntimeException e) {
                // closed
            }
        }

        /** What the portal passed on from the browser (keep-alives aside), in order. */
        public List<GuacamoleInstruction> received() {
            return new ArrayList<>(received);
        }

        public List<String> received(String opcode) {
            return received.stream().filter(i -> i.getOpcode().equals(opcode)).map(i -> String.join(",", i.getArgs()))
                    .toList();
        }

        /** Whether the portal closed this socket (guacd sees end of stream). */
        public boolean sawEndOfStream() {
            return eof;
        }

        /** Hangs up on the portal, as guacd does when the connection ends. */
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
