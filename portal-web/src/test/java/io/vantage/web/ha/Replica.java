package io.vantage.web.ha;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.vantage.VantagePortalApplication;

/** One portal replica started in the test JVM, on a shared external database. */
final class Replica implements AutoCloseable {

    final ConfigurableApplicationContext context;

    private Replica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static Replica start(String name, String databaseUrl, Path workDir, String issuer, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + databaseUrl,
                "spring.datasource.username=postgres",
                "vantage.cloud.providers.local.type=local",
                "vantage.cloud.providers.local.settings.work-dir=" + workDir,
                "vantage.reconcile.fast-interval=500ms",
                "vantage.commands.poll-interval=200ms",
                "vantage.commands.lease=5s",
                "logging.pattern.console=%d{HH:mm:ss.SSS} [" + name + "] %-5level %logger{36} - %msg%n"));
        properties.addAll(List.of(extra));
        if (issuer != null) {
            properties.add("vantage.auth.oidc.issuer-uri=" + issuer);
            properties.add("vantage.auth.oidc.client-secret=replica-" + name);
        }
        // As command-line arguments: they override application.yml (default properties would not).
        return new Replica(new SpringApplicationBuilder(VantagePortalApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new)));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String base() {
        return "http://localhost:" + port();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
