package io.vantage.bench.relay;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The VNC source of every path: a real RFB 3.8 handshake with VNC authentication, then it answers a
 * FramebufferUpdateRequest with a 1 MiB update (random bytes: encoded pictures do not compress), a KeyEvent with a
 * Bell (a round trip), and a ClientCutText {@code close:N} with N bytes of a known pattern before it hangs up.
 */
final class FakeVncServer implements AutoCloseable {

    static final int UPDATE_BYTES = 1 << 20;

    private final ServerSocket server;
    private final String password;
    private final byte[] update = new byte[UPDATE_BYTES];

    FakeVncServer(String password) throws IOException {
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.password = password;
        new Random(42).nextBytes(update);
        update[0] = 0;
        Thread acceptor = new Thread(this::accept, "fake-vnc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The byte at position {@code i} of what is sent before hanging up. */
    static byte pattern(long i) {
        return (byte) (i * 31 + (i >>> 8) * 7 + (i >>> 16));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                socket.setSendBufferSize(1 << 20);
                Thread thread = new Thread(() -> serve(socket), "fake-vnc");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.readFully(new byte[12]);
            out.write(new byte[] {1, 2});
            out.flush();
            in.readUnsignedByte();
            byte[] challenge = new byte[16];
            Arrays.fill(challenge, (byte) 7);
            out.write(challenge);
            out.flush();
            byte[] response = new byte[16];
            in.readFully(response);
            out.writeInt(Arrays.equals(response, response(challenge, password)) ? 0 : 1);
            out.flush();
            in.readUnsignedByte();                                   // ClientInit
            out.writeShort(1920);
            out.writeShort(1080);
            out.write(new byte[16]);
            out.writeInt(4);
            out.write("fake".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                int type = in.readUnsignedByte();
                if (type == 3) {
                    in.readFully(new byte[9]);
                    out.write(update);
                } else if (type == 4) {
                    in.readFully(new byte[7]);
                    out.write(2);                                    // Bell: the round trip's answer
                } else if (type == 6) {
                    in.readFully(new byte[3]);
                    byte[] text = new byte[in.readInt()];
                    in.readFully(text);
                    long bytes = Long.parseLong(new String(text, StandardCharsets.US_ASCII).substring(6));
                    byte[] chunk = new byte[64 * 1024];
                    for (long sent = 0; sent < bytes; sent += chunk.length) {
                        int n = (int) Math.min(chunk.length, bytes - sent);
                        for (int i = 0; i < n; i++) {
                            chunk[i] = pattern(sent + i);
                        }
                        out.write(chunk, 0, n);
                    }
                    out.flush();
                    return;                                          // and hang up
                } else {
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    /** VNC authentication's answer to a challenge: DES with the password's bytes, bits reversed, as key. */
    static byte[] response(byte[] challenge, String password) {
        try {
            byte[] key = new byte[8];
            byte[] raw = password.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 8 && i < raw.length; i++) {
                key[i] = (byte) (Integer.reverse(raw[i] & 0xff) >>> 24);
            }
            Cipher cipher = Cipher.getInstance("DES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return cipher.doFinal(challenge);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
