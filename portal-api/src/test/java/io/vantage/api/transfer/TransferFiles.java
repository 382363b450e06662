package io.vantage.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Files and raw HTTP for the transfer tests. */
public final class TransferFiles {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TransferFiles() {
    }

    /** A file of pseudo-random bytes (incompressible, so nothing on the way can shrink it). */
    public static Path random(Path folder, String name, long size, long seed) throws IOException {
        Path file = folder.resolve(name);
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    public static String sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    public static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int read; (read = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static HttpResponse<String> upload(String base, String token, String uid, String path, Path file)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/instances/" + uid + "/files/content?path="
                        + encode(path))).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<InputStream> download(String base, String token, String uid, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/instances/" + uid + "/files/content?path="
                        + encode(path))).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    public static String encode(String path) {
        return java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** The answer to a PUT that declares {@code declared} bytes and sends none: a refusal from the headers alone. */
    public static String refusedPut(int port, String token, String uid, String path, long declared) throws IOException {
        try (Socket socket = startPut(port, token, uid, path, declared, 0)) {
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            // the whole answer: headers, then a body of Content-Length bytes or chunks up to the last one
            while (true) {
                int next = in.read();
                if (next < 0) {
                    return answer.toString();
                }
                answer.append((char) next);
                String text = answer.toString();
                int headersEnd = text.indexOf("\r\n\r\n");
                if (headersEnd < 0) {
                    continue;
                }
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                        .matcher(text.substring(0, headersEnd));
                if (length.find() ? text.length() >= headersEnd + 4 + Integer.parseInt(length.group(1))
                        : text.endsWith("\r\n0\r\n\r\n")) {
                    return text;
                }
            }
        }
    }

    /** A PUT that declares {@code declared} bytes and has sent only {@code sent} of them so far, still open. */
    public static Socket startPut(int port, String token, String uid, String path, long declared, int sent)
            throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("PUT /api/instances/" + uid + "/files/content?path=" + encode(path) + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json"
                + "\r\nConnection: close\r\nContent-Type: application/octet-stream\r\nContent-Length: " + declared
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[sent]);
        out.flush();
        return socket;
    }
}
