package io.vantage.api.tunnel.vnc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Classic VNC authentication: the 16-byte challenge encrypted with DES, keyed by the first 8 bytes of the password
 * with each byte's bits reversed (a quirk of the original implementation every server follows).
 */
final class VncPassword {

    private VncPassword() {
    }

    static byte[] respond(byte[] challenge, String password) {
        byte[] key = new byte[8];
        byte[] raw = password.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 8 && i < raw.length; i++) {
            key[i] = (byte) (Integer.reverse(raw[i] & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES is not available in this JVM", e);
        }
    }
}
