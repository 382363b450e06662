package io.vantage.cloud.local;

import io.vantage.cloud.api.Endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs code in a notebook's kernel the way the browser does: a kernel made through Jupyter's REST API, an
 * {@code execute_request} over its websocket. The code's answer is printed between {@code @@} markers in hex, so it
 * can be picked out of the JSON messages without a JSON parser and without worrying about escapes.
 */
final class KernelClient {

    private static final Pattern ANSWER = Pattern.compile("@@([0-9a-f]*)@@");
    private static final Pattern ERROR = Pattern.compile("\"msg_type\":\\s*\"error\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** @param baseUrl the notebook's base URL, with leading and trailing slash */
    KernelClient(Endpoint jupyter, String baseUrl, String token) {
        this.base = jupyter.host() + ":" + jupyter.port() + baseUrl;
        this.token = token;
    }

    /** Runs the code in a fresh kernel and returns what it printed between the markers, decoded. */
    String run(String code) throws Exception {
        HttpResponse<String> kernel = http.send(HttpRequest.newBuilder(URI.create("http://" + base + "api/kernels"))
                .header("Authorization", "token " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"python3\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (kernel.statusCode() != 201) {
            throw new IllegalStateException("no kernel: " + kernel.statusCode() + " " + kernel.body());
        }
        Matcher id = Pattern.compile("\"id\":\\s*\"([^\"]+)\"").matcher(kernel.body());
        if (!id.find()) {
            throw new IllegalStateException("no kernel id in " + kernel.body());
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", "token " + token)
                .buildAsync(URI.create("ws://" + base + "api/kernels/" + id.group(1) + "/channels"),
                        new Collector(answer))
                .get(10, TimeUnit.SECONDS);
        try {
            socket.sendText(executeRequest(code), true).get(10, TimeUnit.SECONDS);
            return answer.get(60, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }

    private static String executeRequest(String code) {
        String session = UUID.randomUUID().toString();
        return "{\"header\":{\"msg_id\":\"" + UUID.randomUUID() + "\",\"username\":\"test\",\"session\":\""
                + session + "\",\"msg_type\":\"execute_request\",\"version\":\"5.3\"},\"parent_header\":{},"
                + "\"metadata\":{},\"channel\":\"shell\",\"buffers\":[],\"content\":{\"code\":" + json(code)
                + ",\"silent\":false,\"store_history\":false,\"user_expressions\":{},\"allow_stdin\":false,"
                + "\"stop_on_error\":true}}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** Gathers message fragments; completes with the decoded answer, or fails on a Python error. */
    private static final class Collector implements WebSocket.Listener {

        private final CompletableFuture<String> answer;
        private final StringBuilder message = new StringBuilder();

        Collector(CompletableFuture<String> answer) {
            this.answer = answer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                Matcher found = ANSWER.matcher(text);
                if (found.find()) {
                    answer.complete(new String(java.util.HexFormat.of().parseHex(found.group(1)),
                            java.nio.charset.StandardCharsets.UTF_8));
                } else if (ERROR.matcher(text).find()) {
                    answer.completeExceptionally(new IllegalStateException("the code failed: " + text));
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            answer.completeExceptionally(error);
        }
    }
}
