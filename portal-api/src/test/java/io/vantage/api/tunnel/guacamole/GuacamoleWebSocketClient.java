package io.vantage.api.tunnel.guacamole;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.apache.guacamole.protocol.GuacamoleParser;

/**
 * What guacamole-common-js's {@code Guacamole.WebSocketTunnel} does on the wire, in Java: a websocket with
 * subprotocol {@code guacamole}, whole instructions in text frames, the tunnel's own "" opcode for its UUID and pings.
 */
public final class GuacamoleWebSocketClient implements WebSocket.Listener, AutoCloseable {

    public record Closed(int code, String reason) {
    }

    private final List<GuacamoleInstruction> received = new CopyOnWriteArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** Opens the tunnel; a refused handshake throws {@link Refused} with the HTTP status. */
    public static GuacamoleWebSocketClient open(int port, String query) {
        GuacamoleWebSocketClient client = new GuacamoleWebSocketClient();
        try {
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("guacamole")
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://localhost:" + port + "/tunnels/guacamole?" + query), client)
                    .orTimeout(20, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw e;
        }
        return client;
    }

    public static final class Refused extends RuntimeException {
        public final int status;

        Refused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String opcode, String... args) {
        socket.sendText(new GuacamoleInstruction(opcode, args).toString(), true).join();
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Instructions received so far (keep-alive nops aside), in order. */
    List<GuacamoleInstruction> received() {
        return received.stream().filter(i -> !"nop".equals(i.getOpcode())).toList();
    }

    public List<String> received(String opcode) {
        return received.stream().filter(i -> i.getOpcode().equals(opcode)).map(i -> String.join(",", i.getArgs()))
                .toList();
    }

    synchronized String rawText() {
        return raw.toString();
    }

    public CompletableFuture<Closed> closed() {
        return closed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            raw.append(message);
            parse(message);
        }
        return null;
    }

    private void parse(String message) {
        GuacamoleParser parser = new GuacamoleParser();
        char[] chars = message.toCharArray();
        int offset = 0;
        try {
            while (offset < chars.length) {
                int parsed;
                while (!parser.hasNext() && (parsed = parser.append(chars, offset, chars.length - offset)) != 0) {
                    offset += parsed;
                }
                if (!parser.hasNext()) {
                    throw new IllegalStateException("Incomplete instruction in a websocket message: " + message);
                }
                GuacamoleInstruction next = parser.next();
                // the parser reuses its storage for the next instruction
                received.add(new GuacamoleInstruction(next.getOpcode(), List.copyOf(next.getArgs())));
            }
        } catch (GuacamoleException | RuntimeException e) {
            // guacamole-common-js closes the tunnel on a parse error; the test sees it as a close
            closed.complete(new Closed(-2, "unparsable message from the portal: " + e));
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null).join();
        }
    }

    public List<GuacamoleInstruction> all() {
        return new ArrayList<>(received);
    }
}
