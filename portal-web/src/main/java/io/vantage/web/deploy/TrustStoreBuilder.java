package io.vantage.web.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Writes a PKCS12 trust store holding the JVM's own trust anchors plus every certificate of a PEM bundle (an
 * internal CA of Keystone, Keycloak, the user office...). Java cannot read PEM bundles as a trust store, and the
 * image may have no shell to run keytool once per certificate, hence this task; the JVM is then started with
 * {@code -Djavax.net.ssl.trustStore=TARGET -Djavax.net.ssl.trustStorePassword=changeit}.
 */
final class TrustStoreBuilder {

    /** Protects nothing (a trust store holds public certificates only); PKCS12 just wants one. */
    static final char[] PASSWORD = "changeit".toCharArray();

    private TrustStoreBuilder() {
    }

    static int run(String... args) {
        if (args.length != 2) {
            System.err.println("usage: trust-store BUNDLE.pem TARGET.p12");
            return 64;
        }
        try {
            int added = write(Path.of(args[0]), Path.of(args[1]));
            System.out.printf("Trust store %s: the JVM's trust anchors and %d certificate(s) of %s%n", args[1], added,
                    args[0]);
            return 0;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            System.err.println("trust-store: " + e.getMessage());
            return 1;
        }
    }

    /** Returns how many certificates of the bundle were added. */
    static int write(Path bundle, Path target) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(bundle)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(bundle + " holds no PEM certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int index = 0;
        for (X509Certificate anchor : jvmTrustAnchors()) {
            store.setCertificateEntry("jvm-" + index++, anchor);
        }
        int added = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("bundle-" + added++, certificate);
        }
        // Written aside and moved, so a JVM never reads a half-written store.
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".trust-store", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, PASSWORD);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return added;
    }

    private static X509Certificate[] jvmTrustAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
