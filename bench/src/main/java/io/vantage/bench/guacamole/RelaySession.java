package io.vantage.bench.guacamole;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Through the portal: a websocket with subprotocol guacamole and a ticket, as guacamole-common-js opens it, on a
 * plain socket (a browser's websocket is native code; the JDK's client cost more CPU per MB than the relay itself,
 * so it measured itself). Each text message is decoded once and scanned like the direct client's batches.
 */
final class RelaySession extends BenchSession {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RelaySession(String wsBase, String ticket, String uid) throws IOException {
        URI base = URI.create(wsBase);
        socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String host = base.getHost() + ":" + base.getPort();
        out.write(("GET /tunnels/guacamole?ticket=" + ticket + "&instance=" + uid + "&width=1280&height=800 HTTP/1.1\r\n"
                + "Host: " + host + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nOrigin: http://" + host + "\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Protocol: guacamole\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade");
            }
            head.write(b);
        }
        String answer = head.toString(StandardCharsets.ISO_8859_1);
        if (!answer.startsWith("HTTP/1.1 101") || answer.toLowerCase().contains("sec-websocket-extensions")) {
            throw new IOException("unexpected upgrade answer: " + answer);
        }
        Thread reader = new Thread(this::read, "relay-session");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] header = new byte[8];
        byte[] message = new byte[64 * 1024];
        int length = 0;
        try {
            while (true) {
                readFully(header, 2);
                boolean fin = (header[0] & 0x80) != 0;
                int opcode = header[0] & 0x0f;
                long size = header[1] & 0x7f;
                if (size == 126) {
                    readFully(header, 2);
                    size = ((header[0] & 0xff) << 8) | (header[1] & 0xff);
                } else if (size == 127) {
                    readFully(header, 8);
                    size = 0;
                    for (int i = 0; i < 8; i++) {
                        size = (size << 8) | (header[i] & 0xff);
                    }
                }
                if (opcode == 8) {
                    return;
                }
                if (opcode != 0 && opcode != 1) {
                    in.skipNBytes(size);
                    continue;
                }
                if (length + size > message.length) {
                    message = Arrays.copyOf(message, (int) Math.max(message.length * 2L, length + size));
                }
                readFully(message, length, (int) size);
                length += (int) size;
                if (fin) {
                    onText(new String(message, 0, length, StandardCharsets.UTF_8));
                    length = 0;
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void readFully(byte[] into, int count) throws IOException {
        readFully(into, 0, count);
    }

    private void readFully(byte[] into, int offset, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int read = in.read(into, offset + done, count - done);
            if (read < 0) {
                throw new IOException("closed");
            }
            done += read;
        }
    }

    @Override
    synchronized void send(String instruction) throws IOException {
        byte[] payload = instruction.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        byte[] frame = new byte[(length < 126 ? 6 : 8) + length];
        frame[0] = (byte) 0x81;
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
            frame[at + 4 + i] = (byte) (payload[i] ^ frame[at + (i & 3)]);
        }
        out.write(frame);
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
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
