package io.vantage.bench.guacamole;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Through the portal: a websocket with subprotocol guacamole and a ticket, as guacamole-common-js opens it. */
final class RelaySession extends BenchSession implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    RelaySession(String wsBase, String ticket, String uid) {
        // one client (and selector thread) per session, like one browser per person
        socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("guacamole")
                .connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create(wsBase + "/tunnels/guacamole?ticket=" + ticket + "&instance=" + uid
                        + "&width=1280&height=800"), this).orTimeout(60, TimeUnit.SECONDS).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            onText(partial);
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    synchronized void send(String instruction) {
        socket.sendText(instruction, true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }
}
