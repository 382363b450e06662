package io.vantage.api.tunnel.vnc;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The portal's side of the RFB handshake with the instance's VNC server: version, security (VNC authentication with
 * the instance secret, or none), result. The browser never learns the password.
 */
final class RfbServerHandshake {

    static final byte SECURITY_NONE = 1;
    static final byte SECURITY_VNC = 2;

    private RfbServerHandshake() {
    }

    /** Authenticates; throws with a readable reason when the server refuses. */
    static void authenticate(DataInputStream in, OutputStream out, String password) throws IOException {
        byte[] version = new byte[12];
        in.readFully(version);
        String serverVersion = new String(version, StandardCharsets.US_ASCII);
        if (!serverVersion.startsWith("RFB 003.")) {
            throw new IOException("not a VNC server (it said '" + serverVersion.strip() + "')");
        }
        int minor = Integer.parseInt(serverVersion.substring(8, 11));
        boolean v33 = minor < 7;
        out.write((v33 ? "RFB 003.003\n" : "RFB 003.008\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int security;
        if (v33) {
            security = in.readInt();
            if (security == 0) {
                throw new IOException("the VNC server refused the connection: " + reason(in));
            }
        } else {
            int count = in.readUnsignedByte();
            if (count == 0) {
                throw new IOException("the VNC server refused the connection: " + reason(in));
            }
            byte[] types = new byte[count];
            in.readFully(types);
            security = choose(types);
            out.write(security);
            out.flush();
        }
        if (security == SECURITY_VNC) {
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            out.write(VncPassword.respond(challenge, password));
            out.flush();
        } else if (security != SECURITY_NONE) {
            throw new IOException("the VNC server asks for an unsupported security type " + security);
        }
        if (security == SECURITY_VNC || minor >= 8) {
            int result = in.readInt();
            if (result != 0) {
                throw new IOException("the VNC server did not accept the instance's password"
                        + (minor >= 8 ? ": " + reason(in) : ""));
            }
        }
    }

    private static int choose(byte[] types) throws IOException {
        for (byte type : types) {
            if (type == SECURITY_VNC) {
                return SECURITY_VNC;
            }
        }
        for (byte type : types) {
            if (type == SECURITY_NONE) {
                return SECURITY_NONE;
            }
        }
        throw new IOException("the VNC server offers no security type the portal supports");
    }

    private static String reason(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 4096) {
            return "(no reason given)";
        }
        byte[] text = new byte[length];
        in.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
