package io.vantage.cloud.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Kubernetes naming rules: object names are DNS-1035 labels, label values have their own alphabet. */
final class Names {

    /** Groups the pods, service, secret and claim of one instance; the value is the instance's object name. */
    static final String INSTANCE_OBJECT = "app.kubernetes.io/instance";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private static final int MAX_LABEL = 63;
    private static final int MAX_BASE = 40;
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Names() {
    }

    /**
     * The name shared by the service, secret and claim of an instance, and its compute id. The hash of deployment
     * and instance uid makes a retried create find the same objects, and keeps two deployments in one namespace apart.
     */
    static String objectName(String requestedName, String deploymentId, String instanceUid) {
        String base = requestedName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        base = trimDashes(base.length() > MAX_BASE ? base.substring(0, MAX_BASE) : base);
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = trimDashes(("i-" + base).substring(0, Math.min(MAX_BASE, base.length() + 2)));
        }
        return base + "-" + hash(deploymentId + "/" + instanceUid);
    }

    /** Pods get a fresh name each start, so a restart never waits for the old pod to finish terminating. */
    static String podName(String objectName) {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return objectName + "-" + suffix;
    }

    /**
     * A valid label value for any string: invalid characters become '-', and a value that had to be cut keeps a hash
     * of the original so that two long values stay different. The original stays readable in an annotation.
     */
    static String labelValue(String value) {
        String clean = value.replaceAll("[^A-Za-z0-9._-]", "-");
        if (clean.length() > MAX_LABEL) {
            clean = clean.substring(0, MAX_LABEL - 9) + "-" + hash(value);
        }
        return clean.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }

    private static String trimDashes(String value) {
        return value.replaceAll("^-+", "").replaceAll("-+$", "");
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
