package io.vantage.web.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Plain HTTP/1.0 to the portal's port with any Host header, as a browser sends to {@code {uid}.notebooks.localhost}
 * (browsers send every {@code *.localhost} name to the loopback address; the JVM's resolver does not, and the JDK's
 * HTTP client will not set Host). HTTP/1.0 so answers come whole, without chunks.
 */
public final class NotebookHttp {

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private NotebookHttp() {
    }

    public static Response get(int port, String host, String path, Map<String, String> headers) throws IOException {
        return send(port, host, "GET", path, headers, null);
    }

    public static Response send(int port, String host, String method, String path, Map<String, String> headers,
                                String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: " + host + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String raw = all.toString(StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String body = end < 0 ? "" : new String(all.toByteArray(), end + 4, all.size() - end - 4, StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
