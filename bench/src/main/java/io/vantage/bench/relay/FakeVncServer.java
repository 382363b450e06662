package io.vantage.bench.relay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A VNC server for measuring the relay: real RFB 3.8 handshake with VNC authentication, then it answers a
 * FramebufferUpdateRequest with a fixed-size update (throughput) and a KeyEvent with a Bell (round trip).
 */
final class FakeVncServer implements AutoCloseable {

    static final int UPDATE_BYTES = 1 << 20;

    private final ServerSocket server;
    private final String password;
    private final byte[] update = new byte[UPDATE_BYTES];

    FakeVncServer(String password) throws IOException {
        this.server = new ServerSocket(0, 512);
        this.password = password;
        update[0] = 0;
        new Thread(this::accept, "fake-vnc-accept").start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
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
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            in.readFully(new byte[12]);
            out.write(new byte[] {1, 2});
            in.readUnsignedByte();
            byte[] challenge = new byte[16];
            Arrays.fill(challenge, (byte) 7);
            out.write(challenge);
            byte[] response = new byte[16];
            in.readFully(response);
            out.writeInt(Arrays.equals(response, des(challenge)) ? 0 : 1);
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
                } else {
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private byte[] des(byte[] challenge) {
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

    byte[] expectedResponse(byte[] challenge) {
        return des(challenge);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
