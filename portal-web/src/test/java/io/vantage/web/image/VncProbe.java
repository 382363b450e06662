package io.vantage.web.image;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** Speaks RFB 3.8 to a VNC server: VNC authentication with a password, then the size of the desktop it serves. */
public final class VncProbe {

    /** {@code width} and {@code height} are 0 when authentication failed. */
    public record Answer(boolean authenticated, int width, int height) {
    }

    private VncProbe() {
    }

    public static Answer connect(int port, String password) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            in.readFully(new byte[12]);
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            byte[] types = new byte[in.readUnsignedByte()];
            in.readFully(types);
            if (!new String(types, StandardCharsets.ISO_8859_1).contains("\u0002")) {
                throw new AssertionError("the server does not offer VNC authentication");
            }
            out.writeByte(2);
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            out.write(response(challenge, password));
            if (in.readInt() != 0) {
                return new Answer(false, 0, 0);
            }
            out.writeByte(1); // shared
            return new Answer(true, in.readUnsignedShort(), in.readUnsignedShort());
        }
    }

    /** DES of the challenge keyed by the password's first 8 bytes, each byte's bits reversed, as VNC does. */
    private static byte[] response(byte[] challenge, String password) throws Exception {
        byte[] key = new byte[8];
        byte[] raw = password.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 8 && i < raw.length; i++) {
            key[i] = (byte) (Integer.reverse(raw[i] & 0xff) >>> 24);
        }
        Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
        des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
        return des.doFinal(challenge);
    }
}
