package io.vantage.api.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random identifiers and secrets, and the hashes under which single-use tokens are stored. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] UID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Tokens() {
    }

    /** A short id for URLs (12 characters without look-alikes, about 60 bits). */
    public static String uid() {
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = UID_ALPHABET[RANDOM.nextInt(UID_ALPHABET.length)];
        }
        return new String(chars);
    }

    /** A secret of {@code bytes} random bytes, URL-safe. */
    public static String secret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
