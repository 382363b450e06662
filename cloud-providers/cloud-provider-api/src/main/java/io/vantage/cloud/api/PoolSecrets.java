package io.vantage.cloud.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hand-over's keys, all derived from the pool secret with HMAC-SHA256 under distinct labels
 * (docs/image-contract.md, "Hand-over"): the owner's secret from a nonce, so the portal and the machine agree on it
 * without sending it; and the signatures that prove a hand-over request comes from the portal and its answer from
 * the machine, both of which are the only holders of the pool secret.
 */
public final class PoolSecrets {

    static final String OWNER_LABEL = "vantage-handover-secret:";
    static final String REQUEST_LABEL = "vantage-handover-request:";
    static final String ANSWER_LABEL = "vantage-handover-answer:";

    private PoolSecrets() {
    }

    /** 32 URL-safe characters (24 bytes of HMAC output), the same shape as the secrets the portal makes. */
    public static String ownerSecret(String poolSecret, String nonce) {
        byte[] mac = hmac(poolSecret, OWNER_LABEL + nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 24));
    }

    /** Hex HMAC of the request body, sent as {@code X-Vantage-Signature}. */
    public static String requestSignature(String poolSecret, byte[] body) {
        return hex(hmac(poolSecret, REQUEST_LABEL, body));
    }

    /** Hex HMAC the machine answers with: the nonce and the body it sends back. */
    public static String answerSignature(String poolSecret, String nonce, byte[] body) {
        return hex(hmac(poolSecret, ANSWER_LABEL + nonce + ":", body));
    }

    /** Compares in constant time. */
    public static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String key, String label) {
        return hmac(key, label, new byte[0]);
    }

    private static byte[] hmac(String key, String label, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
