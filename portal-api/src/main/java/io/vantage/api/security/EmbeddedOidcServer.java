package io.vantage.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real OIDC provider inside the portal for the demo and the tests: authorization-code flow, signed tokens,
 * discovery, JWKS. Its login page lists the portal's users; the person picks one (there are no passwords).
 */
public class EmbeddedOidcServer implements AutoCloseable {

    static final String ISSUER_ID = "vantage";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedOidcServer.class);

    private final MockOAuth2Server server;
    private final Path loginPage;

    EmbeddedOidcServer(String host, int port) {
        try {
            this.loginPage = Files.createTempFile("vantage-demo-login", ".html");
            loginPage.toFile().deleteOnExit();
            Files.writeString(loginPage, DemoLoginPage.render(List.of()));
            this.server = new MockOAuth2Server(new OAuth2Config(true, loginPage.toString()));
            server.start(InetAddress.getByName(host), port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded OIDC server: " + e.getMessage(), e);
        }
        warmUp();
        log.warn("DEMO LOGIN: no OIDC provider configured (vantage.auth.oidc.issuer-uri); "
                + "the embedded OIDC server at {} lets anyone sign in as any listed user", issuerUri());
    }

    /** Its first request takes seconds (class loading); pay that now rather than in someone's login. */
    private void warmUp() {
        Thread thread = new Thread(() -> {
            for (String path : new String[] {"/.well-known/openid-configuration", "/jwks"}) {
                try {
                    var connection = (java.net.HttpURLConnection) java.net.URI.create(issuerUri() + path).toURL()
                            .openConnection();
                    connection.setReadTimeout(30_000);
                    connection.getInputStream().readAllBytes();
                    connection.disconnect();
                } catch (IOException e) {
                    log.debug("Embedded OIDC warm-up: {}", e.getMessage());
                }
            }
        }, "embedded-oidc-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    public String issuerUri() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** Shows these people on the login page (read by the server at each login). */
    void listUsers(List<DemoLoginPage.DemoUser> users) {
        try {
            Files.writeString(loginPage, DemoLoginPage.render(users));
        } catch (IOException e) {
            log.warn("Could not update the demo login page: {}", e.getMessage());
        }
    }

    /** The server itself, e.g. to issue API tokens for scripts and tests in the demo setup. */
    public MockOAuth2Server server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            Files.deleteIfExists(loginPage);
        } catch (IOException e) {
            log.debug("Could not delete {}", loginPage);
        }
    }
}
