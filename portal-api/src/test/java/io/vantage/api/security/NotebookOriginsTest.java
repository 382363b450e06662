package io.vantage.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

import io.vantage.api.support.PortalProperties;

class NotebookOriginsTest {

    @Test
    void theDemoPatternTakesThePortalsOwnPort() {
        NotebookOrigins origins = started(origins("http://{uid}.notebooks.localhost:{port}", "http://localhost:8080"), 43210);
        assertThat(origins.origin("abc123")).isEqualTo("http://abc123.notebooks.localhost:43210");
        assertThat(origins.cspSource()).isEqualTo("http://*.notebooks.localhost:43210");
        assertThat(origins.portalOrigin()).isEqualTo("http://localhost:43210");
        assertThat(origins.loopback()).isTrue();
        assertThat(origins.secure()).isFalse();
    }

    @Test
    void productionPatternsStayAsWritten() {
        NotebookOrigins origins = started(origins("https://{uid}.Notebooks.Example.org", "https://vantage.example.org/"), 8080);
        assertThat(origins.origin("abc123")).isEqualTo("https://abc123.notebooks.example.org");
        assertThat(origins.cspSource()).isEqualTo("https://*.notebooks.example.org");
        assertThat(origins.portalOrigin()).isEqualTo("https://vantage.example.org");
        assertThat(origins.secure()).isTrue();
        assertThat(origins.loopback()).isFalse();
    }

    @Test
    void onlyHostsOfTheFormUidDotDomainAreNotebooks() {
        NotebookOrigins origins = origins("https://{uid}.notebooks.example.org", "https://vantage.example.org");
        assertThat(origins.uidOfHost("abc123.notebooks.example.org")).contains("abc123");
        assertThat(origins.uidOfHost("ABC123.Notebooks.Example.org:443")).contains("abc123");
        assertThat(origins.uidOfHost("abc123.notebooks.example.org.")).contains("abc123");
        assertThat(origins.uidOfHost("notebooks.example.org")).isEmpty();
        assertThat(origins.uidOfHost("a.b.notebooks.example.org")).isEmpty();
        assertThat(origins.uidOfHost("x.evil-notebooks.example.org")).isEmpty();
        assertThat(origins.uidOfHost("abc123.notebooks.example.org.evil.net")).isEmpty();
        assertThat(origins.uidOfHost("vantage.example.org")).isEmpty();
        assertThat(origins.uidOfHost(null)).isEmpty();
        assertThat(origins.isNotebookOrigin("https://abc123.notebooks.example.org")).isTrue();
        assertThat(origins.isNotebookOrigin("https://vantage.example.org")).isFalse();
        assertThat(origins.isNotebookOrigin("null")).isFalse();
        assertThat(origins.isNotebookOrigin("not a url")).isFalse();
    }

    @Test
    void aPatternThatCannotWorkIsRefusedNamingTheSetting() {
        for (String pattern : new String[] {"https://notebooks.example.org", "https://nb-{uid}.example.org",
                "https://example.org/{uid}", "ftp://{uid}.example.org", "https://{uid}.example.org/path"}) {
            assertThatThrownBy(() -> origins(pattern, "http://localhost:8080")).as(pattern)
                    .hasMessageContaining("vantage.notebooks.origin-pattern").hasMessageContaining(pattern);
        }
    }

    private static NotebookOrigins origins(String pattern, String publicUrl) {
        return new NotebookOrigins(new NotebookProperties(pattern, Duration.ofHours(1), Duration.ofHours(12),
                Duration.ofSeconds(10)), new PortalProperties(publicUrl));
    }

    private static NotebookOrigins started(NotebookOrigins origins, int port) {
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        WebServerInitializedEvent event = mock(WebServerInitializedEvent.class);
        when(event.getWebServer()).thenReturn(server);
        when(event.getApplicationContext()).thenReturn(context);
        origins.onApplicationEvent(event);
        return origins;
    }
}
