package io.vantage.api.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal RFB client over the portal's websocket, as noVNC would speak it. */
public class RfbClient implements WebSocket.Listener {

    private final LinkedBlockingQueue<Byte> received = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private WebSocket socket;

    public static CompletableFuture<WebSocket> connect(String url, RfbClient client) {
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), client).thenApply(ws -> client.socket = ws);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        while (data.hasRemaining()) {
            received.add(data.get());
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error.getMessage());
    }

    public byte[] read(int count) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            Byte b = received.poll(20, TimeUnit.SECONDS);
            if (b == null) {
                throw new AssertionError("Timed out after " + i + " of " + count + " bytes");
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    public void send(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Runs the handshake; returns the ServerInit width, height and desktop name. */
    public ServerInit handshake() throws InterruptedException {
        String version = new String(read(12), StandardCharsets.US_ASCII);
        if (!version.equals("RFB 003.008\n")) {
            throw new AssertionError("Unexpected version " + version);
        }
        send("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        byte[] types = read(2);
        send(new byte[] {1});
        byte[] result = read(4);
        send(new byte[] {0});
        ByteBuffer init = ByteBuffer.wrap(read(24));
        int width = init.getShort() & 0xffff;
        int height = init.getShort() & 0xffff;
        init.position(20);
        String name = new String(read(init.getInt()), StandardCharsets.UTF_8);
        return new ServerInit(types, result, width, height, name);
    }

    public record ServerInit(byte[] securityTypes, byte[] securityResult, int width, int height, String name) {
    }

    /** The close code and reason once the portal closed the websocket. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    /** Presses and releases the first mouse button at (x, y): openbox gives the window there the focus. */
    public void click(int x, int y) {
        send(pointer(1, x, y));
        send(pointer(0, x, y));
    }

    /** Types lower-case text, digits, '-', '.', '/', ' ' and newline as key presses and releases. */
    public void type(String text) {
        for (char c : text.toCharArray()) {
            int keysym = c == '\n' ? 0xff0d : c;
            send(key(true, keysym));
            send(key(false, keysym));
        }
    }

    /** Ctrl+U: a shell forgets what was typed on its line so far. */
    public void clearLine() {
        send(key(true, 0xffe3));
        send(key(true, 'u'));
        send(key(false, 'u'));
        send(key(false, 0xffe3));
    }

    private static byte[] pointer(int buttons, int x, int y) {
        return ByteBuffer.allocate(6).put((byte) 5).put((byte) buttons).putShort((short) x).putShort((short) y).array();
    }

    private static byte[] key(boolean down, int keysym) {
        return ByteBuffer.allocate(8).put((byte) 4).put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym)
                .array();
    }

    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
