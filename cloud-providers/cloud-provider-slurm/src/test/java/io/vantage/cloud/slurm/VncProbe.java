package io.vantage.cloud.slurm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import io.vantage.cloud.api.Endpoint;

/** Just enough RFB 3.8 to read a server's greeting and try VNC authentication, as the portal's relay does. */
final class VncProbe {

    record Result(String greeting, boolean authenticated, int width, int height) {
    }

    private VncProbe() {
    }

    static Result connect(Endpoint endpoint, String password) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 5000);
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] greeting = new byte[12];
            in.readFully(greeting);
            String banner = new String(greeting, StandardCharsets.US_ASCII).trim();
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            byte[] types = new byte[in.readUnsignedByte()];
            in.readFully(types);
            if (types.length == 0 || !Arrays.asList(box(types)).contains((byte) 2)) {
                return new Result(banner, false, 0, 0);
            }
            out.writeByte(2);
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            out.write(response(challenge, password));
            if (in.readInt() != 0) {
                return new Result(banner, false, 0, 0);
            }
            out.writeByte(1);
            return new Result(banner, true, in.readUnsignedShort(), in.readUnsignedShort());
        }
    }

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

    private static Byte[] box(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}
