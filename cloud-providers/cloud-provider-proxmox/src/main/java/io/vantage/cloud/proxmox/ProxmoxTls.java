package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.CloudPermanentException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * TLS towards the Proxmox API. Proxmox signs its certificates with a CA of its own, so a site either trusts that CA
 * ({@code ca-cert-path}) or pins the certificate's fingerprint as the web interface shows it ({@code fingerprint});
 * without either, the JVM's trust store decides (a certificate from a public CA).
 */
final class ProxmoxTls {

    private ProxmoxTls() {
    }

    static SSLContext context(ProxmoxSettings settings) {
        try {
            if (!ProxmoxSettings.blank(settings.fingerprint())) {
                return context(new PinnedCertificate(normalise(settings.fingerprint())));
            }
            if (!ProxmoxSettings.blank(settings.caCertPath())) {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trustStore(Path.of(settings.caCertPath())));
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), null);
                return context;
            }
            return SSLContext.getDefault();
        } catch (GeneralSecurityException | IOException e) {
            throw new CloudPermanentException("setting ca-cert-path: " + settings.caCertPath()
                    + " does not hold a usable PEM certificate (" + e.getMessage() + ")", e);
        }
    }

    static String normalise(String fingerprint) {
        return fingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
    }

    static String fingerprintOf(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot hash the certificate", e);
        }
    }

    private static SSLContext context(TrustManager trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return context;
    }

    private static KeyStore trustStore(Path pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("proxmox-" + i++, certificate);
            }
            if (i == 0) {
                throw new CertificateException("no certificate in the file");
            }
        }
        return store;
    }

    /**
     * Trusts exactly one server certificate, whatever its issuer or host names: the pin is stronger than both. An
     * extended trust manager, so that the JDK does not add a host name check the pinned certificate may not pass.
     */
    static final class PinnedCertificate extends X509ExtendedTrustManager {

        private final String fingerprint;

        PinnedCertificate(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the Proxmox API sent no certificate");
            }
            String actual = fingerprintOf(chain[0]);
            if (!MessageDigest.isEqual(actual.getBytes(), fingerprint.getBytes())) {
                throw new CertificateException("the Proxmox API's certificate has the SHA-256 fingerprint "
                        + HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(actual))
                        + ", not the one in setting fingerprint");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the portal is not a TLS server here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
