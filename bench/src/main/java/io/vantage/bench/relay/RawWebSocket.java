package io.vantage.bench.relay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A websocket client on a plain socket that asks like Chromium does (it always offers permessage-deflate) and reads
 * whatever the server agreed to: binary frames, compressed (inflated here, as a browser would) or not. Sends masked
 * frames, one per message. The same client for websockify and the portal.
 */
final class RawWebSocket implements Channel {

    static final String CHROMIUM_EXTENSIONS = "permessage-deflate; client_max_window_bits";
    static final int READ_BUFFER = 256 * 1024;
    private static final byte[] DEFLATE_TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** What the server answered, as it said it (null when absent). */
    final String extensions;
    final String protocol;
    private final Inflater inflater;
    private final byte[] header = new byte[14];
    private final byte[] compressed = new byte[64 * 1024];
    /** Payload bytes of the current frame not read yet; whether the current message is compressed. */
    private long remaining;
    private boolean deflated;
    private boolean finalFrame = true;
    private boolean closed;

    RawWebSocket(int port, String pathAndQuery, String offerProtocol) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setReceiveBufferSize(1 << 20);
        in = new BufferedInputStream(socket.getInputStream(), READ_BUFFER);
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Connection: Upgrade\r\nUpgrade: websocket\r\nOrigin: http://127.0.0.1:" + port + "\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Extensions: " + CHROMIUM_EXTENSIONS + "\r\n"
                + (offerProtocol == null ? "" : "Sec-WebSocket-Protocol: " + offerProtocol + "\r\n")
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade: " + head.lines().findFirst().orElse(""));
        }
        extensions = header(head, "sec-websocket-extensions");
        protocol = header(head, "sec-websocket-protocol");
        inflater = extensions != null && extensions.contains("permessage-deflate") ? new Inflater(true) : null;
    }

    @Override
    public void write(byte[] message) throws IOException {
        int length = message.length;
        byte[] frame = new byte[(length < 126 ? 6 : 8) + length];
        frame[0] = (byte) 0x82;
        int at;
        if (length < 126) {
            frame[1] = (byte) (0x80 | length);
            at = 2;
        } else {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
            at = 4;
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[at + i] = (byte) (mask >>> (24 - 8 * i));
        }
        for (int i = 0; i < length; i++) {
            frame[at + 4 + i] = (byte) (message[i] ^ frame[at + (i & 3)]);
        }
        out.write(frame);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
            if (closed) {
                return -1;
            }
            if (inflater != null && deflated) {
                int inflated = inflate(buffer, offset, length);
                if (inflated > 0) {
                    return inflated;
                }
                if (remaining == 0 && finalFrame) {
                    deflated = false;
                    continue;
                }
                if (remaining == 0) {
                    nextFrame();
                }
                continue;
            }
            if (remaining > 0) {
                int read = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (read < 0) {
                    closed = true;
                    return -1;
                }
                remaining -= read;
                return read;
            }
            nextFrame();
        }
    }

    private int inflate(byte[] buffer, int offset, int length) throws IOException {
        try {
            while (true) {
                int inflated = inflater.inflate(buffer, offset, length);
                if (inflated > 0) {
                    return inflated;
                }
                if (!inflater.needsInput() || remaining == 0) {
                    if (remaining == 0 && finalFrame && inflater.needsInput() && !tailGiven) {
                        tailGiven = true;
                        inflater.setInput(DEFLATE_TAIL);
                        continue;
                    }
                    return 0;
                }
                int take = (int) Math.min(compressed.length, remaining);
                int read = in.read(compressed, 0, take);
                if (read < 0) {
                    closed = true;
                    return 0;
                }
                remaining -= read;
                inflater.setInput(compressed, 0, read);
            }
        } catch (DataFormatException e) {
            throw new IOException(e);
        }
    }

    private boolean tailGiven;

    /** Reads the next frame's header; answers pings, notices the close. */
    private void nextFrame() throws IOException {
        readExactly(header, 2);
        int opcode = header[0] & 0x0f;
        boolean fin = (header[0] & 0x80) != 0;
        boolean rsv1 = (header[0] & 0x40) != 0;
        long length = header[1] & 0x7f;
        if (length == 126) {
            readExactly(header, 2);
            length = ((header[0] & 0xff) << 8) | (header[1] & 0xff);
        } else if (length == 127) {
            readExactly(header, 8);
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (header[i] & 0xff);
            }
        }
        if (opcode == 8) {
            in.skipNBytes(length);
            closed = true;
            return;
        }
        if (opcode == 9 || opcode == 10) {
            in.skipNBytes(length); // a ping's pong does not matter to these measurements
            return;
        }
        if (opcode != 0) {
            deflated = rsv1;   // the first frame of a message says whether it is compressed
            tailGiven = false;
        }
        finalFrame = fin;
        remaining = length;
    }

    private void readExactly(byte[] into, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int read = in.read(into, done, count - done);
            if (read < 0) {
                throw new IOException("closed in a frame header");
            }
            done += read;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(null);
    }

    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                out.write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe8});
            }
        } catch (IOException ignored) {
            // gone already
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
