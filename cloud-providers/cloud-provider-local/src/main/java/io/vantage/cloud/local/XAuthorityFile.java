package io.vantage.cloud.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * An Xauthority file with one MIT-MAGIC-COOKIE-1 for a display. Without it any local user could open the
 * desktop's X display directly and bypass the VNC password; Xvnc gets it with {@code -auth}, clients through
 * {@code XAUTHORITY}. A fresh cookie is made for every launch.
 */
final class XAuthorityFile {

    /** FamilyWild: the entry matches however the client names the host. */
    private static final int FAMILY_WILD = 0xFFFF;
    private static final SecureRandom RANDOM = new SecureRandom();

    private XAuthorityFile() {
    }

    static byte[] content(int display) {
        byte[] cookie = new byte[16];
        RANDOM.nextBytes(cookie);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeShort(out, FAMILY_WILD);
        writeCounted(out, new byte[0]);
        writeCounted(out, Integer.toString(display).getBytes(StandardCharsets.US_ASCII));
        writeCounted(out, "MIT-MAGIC-COOKIE-1".getBytes(StandardCharsets.US_ASCII));
        writeCounted(out, cookie);
        return out.toByteArray();
    }

    private static void writeCounted(ByteArrayOutputStream out, byte[] bytes) {
        writeShort(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write((value >>> 8) & 0xff);
        out.write(value & 0xff);
    }
}
