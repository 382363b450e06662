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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/** Just enough of an RFB 3.8 client to check a server's banner, its VNC authentication and its screen size. */
final class VncClient {

    static final int VNC_AUTHENTICATION = 2;

    /**
     * What the server said; width and height are 0 unless authentication succeeded, and {@code colours} (distinct
     * pixel values of one full screen update) is 0 unless a screen was asked for.
     */
    record Result(String banner, boolean authenticated, String reason, int width, int height, int colours) {
    }

    private VncClient() {
    }

    static Result authenticate(Endpoint endpoint, String password) throws Exception {
        return connect(endpoint, password, false);
    }

    /** Authenticates and reads the whole screen once in raw encoding. */
    static Result screen(Endpoint endpoint, String password) throws Exception {
        return connect(endpoint, password, true);
    }

    private static Result connect(Endpoint endpoint, String password, boolean readScreen) throws Exception {
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
                return new Result(ascii(banner), false, readReason(in), 0, 0, 0);
            }
            byte[] types = new byte[typeCount];
            in.readFully(types);
            if (!contains(types, VNC_AUTHENTICATION)) {
                return new Result(ascii(banner), false, "no VNC authentication offered", 0, 0, 0);
            }
            out.writeByte(VNC_AUTHENTICATION);
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            out.write(response(challenge, password));
            if (in.readInt() != 0) {
                return new Result(ascii(banner), false, readReason(in), 0, 0, 0);
            }
            out.writeByte(1); // ClientInit: shared
            int width = in.readUnsignedShort();
            int height = in.readUnsignedShort();
            byte[] pixelFormat = new byte[16];
            in.readFully(pixelFormat);
            in.readFully(new byte[in.readInt()]); // desktop name
            int colours = readScreen ? distinctColours(in, out, width, height, pixelFormat[0] / 8) : 0;
            return new Result(ascii(banner), true, null, width, height, colours);
        }
    }

    private static int distinctColours(DataInputStream in, DataOutputStream out, int width, int height,
                                       int bytesPerPixel) throws IOException {
        out.write(new byte[] {2, 0, 0, 1, 0, 0, 0, 0}); // SetEncodings: raw only
        out.write(new byte[] {3, 0, 0, 0, 0, 0}); // FramebufferUpdateRequest, not incremental, from 0,0
        out.writeShort(width);
        out.writeShort(height);
        Set<String> colours = new HashSet<>();
        int remaining = width * height;
        while (remaining > 0) {
            int type = in.readUnsignedByte();
            if (type != 0) {
                throw new IOException("unexpected server message " + type);
            }
            in.readUnsignedByte();
            int rectangles = in.readUnsignedShort();
            for (int i = 0; i < rectangles; i++) {
                in.readInt(); // x, y
                int w = in.readUnsignedShort();
                int h = in.readUnsignedShort();
                if (in.readInt() != 0) {
                    throw new IOException("server sent a non-raw rectangle");
                }
                byte[] pixels = new byte[w * h * bytesPerPixel];
                in.readFully(pixels);
                for (int p = 0; p < pixels.length && colours.size() < 16; p += bytesPerPixel) {
                    colours.add(HexFormat.of().formatHex(pixels, p, p + bytesPerPixel));
                }
                remaining -= w * h;
            }
        }
        return colours.size();
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
