package io.vantage.cloud.local;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The VNC password file Xvnc reads ({@code -PasswordFile}, the format of {@code vncpasswd} and x11vnc's
 * {@code -rfbauth}), written here instead of by {@code vncpasswd} so the secret
 * never appears on a command line (which every local user can read in {@code /proc}).
 * <p>
 * VNC authentication only uses the first 8 bytes of a password: a longer secret is cut to its first 8 characters
 * (the portal's relay must answer the challenge with the same 8). The file format is those 8 bytes, zero padded,
 * DES-encrypted with a key fixed by the VNC reference code: obfuscation only, hence the 600 permissions.
 */
final class VncPasswordFile {

    static final int MAX_PASSWORD_BYTES = 8;

    /** The reference code's fixed key {23,82,107,6,35,78,88,7}, each byte bit-reversed as VNC's DES expects. */
    private static final byte[] FIXED_KEY = reverseBits(new byte[] {23, 82, 107, 6, 35, 78, 88, 7});

    private VncPasswordFile() {
    }

    static byte[] content(String secret) {
        byte[] password = Arrays.copyOf(secret.getBytes(StandardCharsets.UTF_8), MAX_PASSWORD_BYTES);
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(FIXED_KEY, "DES"));
            return des.doFinal(password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES is part of every JDK", e);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    static byte[] reverseBits(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = (byte) (Integer.reverse(bytes[i] & 0xff) >>> 24);
        }
        return reversed;
    }
}
