package io.vantage.cloud.local;

import io.vantage.cloud.api.Endpoint;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Just enough of an RFB 3.8 client to check a server's banner, its VNC authentication and its screen size. */
final class VncClient {

    static final int VNC_AUTHENTICATION = 2;

    /** What the server said; width and height are 0 unless authentication succeeded. */
    record Result(String banner, boolean authenticated, String reason, int width, int height) {
    }

    private VncClient() {
    }

    static Result authenticate(Endpoint endpoint, String password) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 5000);
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] banner = new byte[12];
            in.readFully(banner);
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            int typeCount = in.readUnsignedByte();
            if (typeCount == 0) {
                return new Result(ascii(banner), false, readReason(in), 0, 0);
            }
            byte[] types = new byte[typeCount];
            in.readFully(types);
            if (!contains(types, VNC_AUTHENTICATION)) {
                return new Result(ascii(banner), false, "no VNC authentication offered", 0, 0);
            }
            out.writeByte(VNC_AUTHENTICATION);
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            out.write(response(challenge, password));
            if (in.readInt() != 0) {
                return new Result(ascii(banner), false, readReason(in), 0, 0);
            }
            out.writeByte(1); // ClientInit: shared
            int width = in.readUnsignedShort();
            int height = in.readUnsignedShort();
            return new Result(ascii(banner), true, null, width, height);
        }
    }

    /** VNC's DES: the password (8 bytes, zero padded) is the key, each byte's bits reversed. */
    static byte[] response(byte[] challenge, String password) throws Exception {
        byte[] key = VncPasswordFile.reverseBits(Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), 8));
        Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
        des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
        return des.doFinal(challenge);
    }

    private static String readReason(DataInputStream in) {
        try {
            byte[] reason = new byte[in.readInt()];
            in.readFully(reason);
            return ascii(reason);
        } catch (IOException e) {
            return "(connection closed)";
        }
    }

    private static boolean contains(byte[] values, int wanted) {
        for (byte value : values) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
