package io.vantage.cloud.local;

import io.vantage.cloud.api.Endpoint;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedOutputStream;
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

    /**
     * Asks the server to change the screen's size as a viewer does when its window changes (RFB SetDesktopSize,
     * for the screen layout the server announced in its ExtendedDesktopSize), and returns the server's answer:
     * 0 when it did, an RFB error status otherwise, -1 when the server does not support it.
     */
    static int resize(Endpoint endpoint, String password, int width, int height) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 5000);
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            // whole messages per write, as viewers send them: Xvnc 1.12 misreads a SetDesktopSize cut in pieces
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            in.readFully(new byte[12]);
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.readFully(new byte[in.readUnsignedByte()]);
            out.writeByte(VNC_AUTHENTICATION);
            out.flush();
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            out.write(response(challenge, password));
            out.flush();
            if (in.readInt() != 0) {
                throw new IOException("authentication failed");
            }
            out.writeByte(1);
            out.flush();
            in.readFully(new byte[20]);
            in.readFully(new byte[in.readInt()]);
            out.write(new byte[] {2, 0, 0, 2, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xfe, (byte) 0xcc}); // raw, -308
            out.write(new byte[] {3, 0, 0, 0, 0, 0, 0, 1, 0, 1}); // a 1x1 update: brings the screen layout
            out.flush();
            int[] layout = readUntilDesktopSize(in, false);
            if (layout == null) {
                return -1;
            }
            out.write(new byte[] {(byte) 251, 0});
            out.writeShort(width);
            out.writeShort(height);
            out.write(new byte[] {1, 0});
            out.writeInt(layout[0]); // the screen's id
            out.writeInt(0);         // at 0,0
            out.writeShort(width);
            out.writeShort(height);
            out.writeInt(layout[1]); // its flags
            out.write(new byte[] {3, 1, 0, 0, 0, 0, 0, 1, 0, 1});
            out.flush();
            return readUntilDesktopSize(in, true)[2];
        }
    }

    /**
     * Reads updates until an ExtendedDesktopSize rectangle: {id, flags, status} of its first screen, or null when an
     * update without one came (the server does not support it). With {@code answer}, only the reply to our request.
     */
    private static int[] readUntilDesktopSize(DataInputStream in, boolean answer) throws IOException {
        while (true) {
            if (in.readUnsignedByte() != 0) {
                throw new IOException("unexpected server message");
            }
            in.readUnsignedByte();
            int rectangles = in.readUnsignedShort();
            int[] found = null;
            for (int i = 0; i < rectangles; i++) {
                int x = in.readUnsignedShort();
                int y = in.readUnsignedShort();
                int w = in.readUnsignedShort();
                int h = in.readUnsignedShort();
                int encoding = in.readInt();
                if (encoding == 0) {
                    in.readFully(new byte[w * h * 4]);
                } else if (encoding == -308) {
                    int screens = in.readUnsignedByte();
                    in.readFully(new byte[3]);
                    int[] first = null;
                    for (int s = 0; s < screens; s++) {
                        int id = in.readInt();
                        in.readFully(new byte[8]);
                        int flags = in.readInt();
                        first = first == null ? new int[] {id, flags, y} : first;
                    }
                    if (!answer || x == 1) {
                        found = first;
                    }
                } else {
                    throw new IOException("unexpected encoding " + encoding);
                }
            }
            if (found != null || !answer) {
                return found;
            }
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
