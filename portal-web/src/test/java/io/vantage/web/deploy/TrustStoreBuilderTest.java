package io.vantage.web.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code trust-store} task against a real TLS server whose certificate only the facility's bundle vouches for
 * (made with the JDK's keytool): trusted with the written store, refused with the JVM's own.
 */
class TrustStoreBuilderTest {

    @TempDir
    Path dir;
    HttpsServer server;

    @BeforeEach
    void internalServer() throws Exception {
        keytool("-genkeypair", "-alias", "keystone", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-ext", "SAN=dns:localhost", "-keystore", dir.resolve("server.p12").toString(), "-storepass", "secret");
        keytool("-exportcert", "-rfc", "-alias", "keystone", "-keystore", dir.resolve("server.p12").toString(),
                "-storepass", "secret", "-file", dir.resolve("keystone.pem").toString());
        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-dname", "CN=Another internal CA", "-validity",
                "2", "-keystore", dir.resolve("other.p12").toString(), "-storepass", "secret");
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", dir.resolve("other.p12").toString(),
                "-storepass", "secret", "-file", dir.resolve("other.pem").toString());

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            keys.load(in, "secret".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "secret".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBundleOfSeveralCertificatesIsTrustedBesideTheJvmsOwnAnchors() throws Exception {
        // a bundle as distributions write them: comments between the certificates
        Path bundle = Files.writeString(dir.resolve("ca.crt"), "# Another internal CA\n"
                + Files.readString(dir.resolve("other.pem")) + "\n# Keystone\n" + Files.readString(dir.resolve("keystone.pem")));
        URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/v3");
        assertThatThrownBy(() -> get(uri, SSLContext.getDefault())).hasCauseInstanceOf(SSLHandshakeException.class);

        Path target = dir.resolve("truststore.p12");
        assertThat(DeploymentTasks.run("trust-store", bundle.toString(), target.toString())).hasValue(0);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(target)) {
            store.load(in, TrustStoreBuilder.PASSWORD);
        }
        List<String> aliases = Collections.list(store.aliases());
        assertThat(aliases).contains("bundle-0", "bundle-1");
        assertThat(aliases.stream().filter(a -> a.startsWith("jvm-"))).as("the JVM's own anchors stay").hasSizeGreaterThan(10);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        assertThat(get(uri, client)).isEqualTo(204);
    }

    @Test
    void aFileWithoutCertificatesOrWrongArgumentsFailWithAnExitCode() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificate here\n", StandardCharsets.UTF_8);
        assertThat(DeploymentTasks.run("trust-store", empty.toString(), dir.resolve("t.p12").toString())).hasValue(1);
        assertThat(DeploymentTasks.run("trust-store", dir.resolve("missing.pem").toString(), dir.resolve("t.p12").toString()))
                .hasValue(1);
        assertThat(dir.resolve("t.p12")).doesNotExist();
        assertThat(DeploymentTasks.run("trust-store", empty.toString())).hasValue(64);
        assertThat(DeploymentTasks.run("--server.port=8080")).as("portal arguments are no task").isEmpty();
    }

    private static int get(URI uri, SSLContext tls) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();   // not AutoCloseable on Java 17
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
