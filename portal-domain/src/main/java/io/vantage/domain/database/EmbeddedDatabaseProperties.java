package io.vantage.domain.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is set.
 *
 * @param dataDir   where the database files live between runs
 * @param ephemeral throw the data away: a fresh database per application context on one server per JVM (tests)
 * @param port      0 picks a free port
 */
@ConfigurationProperties("vantage.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./.vantage/pgdata") Path dataDir,
                                         @DefaultValue("false") boolean ephemeral,
                                         @DefaultValue("0") int port) {
}
