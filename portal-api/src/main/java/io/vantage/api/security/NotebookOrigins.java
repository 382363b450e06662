package io.vantage.api.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import io.vantage.api.support.PortalProperties;

/**
 * Which hosts are notebooks ({@code vantage.notebooks.origin-pattern}) and which origin is the portal's. The
 * uid is the first label of the host, so one wildcard DNS name, certificate and Content-Security-Policy source
 * ({@code https://*.notebooks.example.org}) cover every notebook.
 */
@Component
@EnableConfigurationProperties(NotebookProperties.class)
public class NotebookOrigins implements ApplicationListener<WebServerInitializedEvent> {

    private static final Pattern PATTERN = Pattern.compile(
            "^(https?)://\\{uid}((?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::(\\d{1,5}|\\{port}))?/?$");
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]{1,63}$");

    private final String scheme;
    private final String domain;
    private final String port;
    private final URI publicUrl;
    private volatile int serverPort;

    NotebookOrigins(NotebookProperties properties, PortalProperties portal) {
        Matcher matcher = PATTERN.matcher(properties.originPattern().strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalStateException("vantage.notebooks.origin-pattern must look like "
                    + "https://{uid}.notebooks.example.org (scheme, {uid} as the first label of the host, optional "
                    + "port or {port}), not '" + properties.originPattern() + "'");
        }
        this.scheme = matcher.group(1);
        this.domain = matcher.group(2);
        this.port = matcher.group(3);
        this.publicUrl = URI.create(portal.publicUrl().strip());
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            serverPort = event.getWebServer().getPort();
        }
    }

    /** The origin of one instance's notebook, e.g. {@code http://abc123.notebooks.localhost:8080}. */
    public String origin(String uid) {
        return scheme + "://" + uid + domain + portSuffix();
    }

    /** The instance uid if this Host (or forwarded host) value names a notebook; the port is not compared. */
    public Optional<String> uidOfHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon >= 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!name.endsWith(domain)) {
            return Optional.empty();
        }
        String label = name.substring(0, name.length() - domain.length());
        return LABEL.matcher(label).matches() ? Optional.of(label) : Optional.empty();
    }

    /** Whether an {@code Origin} header value is some notebook's origin. */
    public boolean isNotebookOrigin(String origin) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        try {
            return uidOfHost(URI.create(origin.strip()).getAuthority()).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** All notebook origins as one Content-Security-Policy source expression. */
    public String cspSource() {
        return scheme + "://*" + domain + portSuffix();
    }

    /**
     * The portal's origin, from {@code vantage.public-url}; on {@code localhost} (the demo, tests) with the port
     * the portal really listens on, so frames work on whatever port it was started.
     */
    public String portalOrigin() {
        int publicPort = publicUrl.getPort();
        if ("localhost".equalsIgnoreCase(publicUrl.getHost()) && serverPort > 0) {
            publicPort = serverPort;
        }
        boolean defaultPort = publicPort < 0 || ("http".equals(publicUrl.getScheme()) && publicPort == 80)
                || ("https".equals(publicUrl.getScheme()) && publicPort == 443);
        return publicUrl.getScheme() + "://" + publicUrl.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + publicPort);
    }

    public boolean secure() {
        return "https".equals(scheme);
    }

    /** Notebooks under {@code localhost}: browsers send them to the loopback address and take them as secure. */
    public boolean loopback() {
        return domain.endsWith(".localhost");
    }

    private String portSuffix() {
        if (port == null) {
            return "";
        }
        return "{port}".equals(port) ? ":" + serverPort : ":" + port;
    }
}
