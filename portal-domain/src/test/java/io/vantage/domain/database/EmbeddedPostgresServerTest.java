package io.vantage.domain.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vantage.domain.database.EmbeddedPostgresServer.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL lets nobody in without its password: not over TCP, not over the Unix socket. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path temp;

    private final List<Path> started = new ArrayList<>();

    @Test
    void aNewDataDirectoryGetsAPasswordThatEveryConnectionNeeds() throws Exception {
        Path dataDir = temp.resolve(".vantage/pgdata");
        EmbeddedDatabase database = start(dataDir);

        Path passwordFile = dataDir.resolve("vantage-password");
        assertThat(Files.readString(passwordFile)).isEqualTo(database.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(permissions(passwordFile)).isEqualTo("rw-------");
        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(permissions(dataDir.getParent())).isEqualTo("rwx--x--x");
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).isEqualTo(ClientAuthentication.CONTENT)
                .doesNotContain("trust");
        assertThat(database.toString()).doesNotContain(database.password());

        assertRequiresThePassword(database);

        EmbeddedPostgresServer.stop(dataDir);
        EmbeddedDatabase again = start(dataDir);
        assertThat(again.password()).isEqualTo(database.password());
        assertThat(query(again.jdbcUrl(), again.password())).isEqualTo("1");
    }

    @Test
    void aTrustingDataDirectoryFromAnEarlierVersionIsMigratedAndKeepsItsData() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve(".vantage"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("pgdata");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
             Connection connection = old.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text); insert into kept values ('from before')");
        }
        assertThat(ClientAuthentication.trustsAnyone(dataDir)).as("an old data directory trusts").isTrue();

        EmbeddedDatabase database = start(dataDir);

        assertThat(ClientAuthentication.trustsAnyone(dataDir)).isFalse();
        assertThat(permissions(dataDir.resolve("vantage-password"))).isEqualTo("rw-------");
        assertThat(permissions(dataDir.getParent())).as("no longer listable by others").isEqualTo("rwx--x--x");
        String postgres = database.jdbcUrl().replace("/vantage?", "/postgres?");
        assertThat(query(postgres, database.password(), "select value from kept")).isEqualTo("from before");
        assertRequiresThePassword(database);
    }

    @Test
    void theThrowAwayServerOfTheTestsNeedsAPasswordToo() throws Exception {
        EmbeddedDatabase database = EmbeddedPostgresServer.fresh();

        assertThat(query(database.jdbcUrl(), database.password())).isEqualTo("1");
        assertThat(query(EmbeddedPostgresServer.freshDatabase(), null)).isEqualTo("1");
        assertThatThrownBy(() -> query(database.jdbcUrl(), null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    @Test
    void aLostPasswordFileIsAClearErrorNotAnOpenDoor() throws Exception {
        Path dataDir = temp.resolve("pgdata");
        start(dataDir);
        EmbeddedPostgresServer.stop(dataDir);
        Files.delete(dataDir.resolve("vantage-password"));

        assertThatThrownBy(() -> start(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDir.resolve("vantage-password").toString())
                .hasMessageContaining("restore that file, or delete " + dataDir);
        assertThat(ClientAuthentication.trustsAnyone(dataDir)).isFalse();
    }

    private EmbeddedDatabase start(Path dataDir) {
        started.add(dataDir);
        return EmbeddedPostgresServer.database(dataDir, 0, "vantage");
    }

    /** JDBC over TCP and psql over the Unix socket: refused without the password or with a wrong one. */
    private static void assertRequiresThePassword(EmbeddedDatabase database) throws Exception {
        assertThat(query(database.jdbcUrl(), database.password())).isEqualTo("1");
        assertThatThrownBy(() -> query(database.jdbcUrl(), null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> query(database.jdbcUrl(), "wrong")).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");

        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(database.jdbcUrl());
        assertThat(port.find()).isTrue();
        assertThat(Path.of("/tmp/.s.PGSQL." + port.group(1))).exists();
        Psql withoutPassword = psql(port.group(1), null);
        assertThat(withoutPassword.exit()).isNotZero();
        assertThat(withoutPassword.output()).contains("password");
        Psql withPassword = psql(port.group(1), database.password());
        assertThat(withPassword.exit()).as(withPassword.output()).isZero();
        assertThat(withPassword.output().strip()).isEqualTo("1");
    }

    private record Psql(int exit, String output) {
    }

    /** psql on the socket in /tmp, never prompting; a clean environment, so no PGPASSWORD comes from outside. */
    private static Psql psql(String port, String password) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-h", "/tmp", "-p", port, "-U", "postgres", "-d",
                "postgres", "-w", "-A", "-t", "-c", "select 1").redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Psql(process.exitValue(), output);
    }

    private static String query(String url, String password) throws SQLException {
        return query(url, password, "select 1");
    }

    private static String query(String url, String password, String sql) throws SQLException {
        Properties properties = new Properties();
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement()) {
            var result = statement.executeQuery(sql);
            result.next();
            return result.getString(1);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @AfterEach
    void stopServers() {
        started.forEach(EmbeddedPostgresServer::stop);
    }
}
