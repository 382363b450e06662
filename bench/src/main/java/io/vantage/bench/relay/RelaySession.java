package io.vantage.bench.relay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A session through the portal: websocket with a ticket, the portal's side of the handshake, binary frames. */
final class RelaySession implements Session, WebSocket.Listener {

    private final LinkedBlockingQueue<ByteBuffer> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private ByteBuffer current = ByteBuffer.allocate(0);

    RelaySession(HttpClient http, String url) throws IOException, InterruptedException {
        socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
        read(12);
        send("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        read(2);
        send(new byte[] {1});
        read(4);
        send(new byte[] {1});
        read(24);
        read(4);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        frames.add(copy);
        webSocket.request(1);
        return null;
    }

    private void send(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    private void read(long count) throws IOException, InterruptedException {
        long left = count;
        while (left > 0) {
            if (!current.hasRemaining()) {
                current = frames.poll(60, TimeUnit.SECONDS);
                if (current == null) {
                    throw new IOException("relay stopped sending");
                }
            }
            int take = (int) Math.min(left, current.remaining());
            current.position(current.position() + take);
            left -= take;
        }
    }

    @Override
    public long update() throws IOException, InterruptedException {
        send(new byte[] {3, 0, 0, 0, 0, 0, 7, (byte) 128, 4, 56});
        read(FakeVncServer.UPDATE_BYTES);
        return FakeVncServer.UPDATE_BYTES;
    }

    @Override
    public long roundTrip() throws IOException, InterruptedException {
        long start = System.nanoTime();
        send(new byte[] {4, 1, 0, 0, 0, 0, 0, 0x61});
        read(1);
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
