package io.vantage.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A websocket upgrade request written by hand, with exactly the headers a browser sends (Chromium always offers
 * permessage-deflate), so a test sees the server's answer as the browser does; then a close frame.
 */
public final class RawUpgrade {

    /** What Chromium offers on every websocket. */
    public static final String CHROMIUM_EXTENSIONS = "permessage-deflate; client_max_window_bits";

    /** The status and the response's headers (names in lower case). */
    public record Answer(int status, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawUpgrade() {
    }

    /** @param protocol the subprotocol to offer, or null */
    public static Answer open(int port, String pathAndQuery, String protocol) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                    + "Origin: http://localhost:" + port + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + "Sec-WebSocket-Extensions: " + CHROMIUM_EXTENSIONS + "\r\n"
                    + (protocol == null ? "" : "Sec-WebSocket-Protocol: " + protocol + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Answer answer = read(socket.getInputStream());
            if (answer.status() == 101) {
                // a masked close frame (code 1000), as a browser leaving would send
                out.write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe8});
                out.flush();
            }
            return answer;
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers);
    }
}
