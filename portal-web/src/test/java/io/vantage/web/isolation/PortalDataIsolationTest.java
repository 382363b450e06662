package io.vantage.web.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.local.LocalProviderFactory;
import io.vantage.cloud.local.LocalSettings;
import io.vantage.domain.database.EmbeddedPostgresServer;
import io.vantage.domain.database.EmbeddedPostgresServer.EmbeddedDatabase;
import io.vantage.api.testing.TestWorkDirs;

/**
 * The portal's data directory as the portal lays it out (the embedded database in {@code pgdata}, the local
 * provider in {@code local}), and a notebook and a desktop launched from it, all real. From both instances' users
 * the data directory, the database's files and its password cannot be read, and the database refuses them over
 * TCP and over its Unix socket, while the portal, with the password, gets in.
 */
class PortalDataIsolationTest {

    private CloudProvider provider;
    private final List<String> instances = new ArrayList<>();

    @Test
    void instancesCanReadNeitherThePortalsDataNorItsDatabase() throws Exception {
        // skipped without root on a developer's machine; in CI (CI set, as .ci/run is run) a missing root fails
        if (System.getenv("CI") != null) {
            assertThat(isRoot()).as("users per instance need a root portal: CI must run the tests as root").isTrue();
        } else {
            assumeTrue(isRoot(), "users per instance need a root portal (CI runs tests as root)");
        }
        Path data = TestWorkDirs.create("isolation").resolve(".vantage");
        EmbeddedDatabase database = EmbeddedPostgresServer.database(data.resolve("pgdata"), 0, "vantage");
        String port = port(database);
        provider = new LocalProviderFactory().create("local",
                LocalSettings.defaults().withWorkDir(data.resolve("local").toString()),
                new ProviderContext("isolation-test", null, Duration.ofSeconds(20)));
        String notebook = launch("notebook", "iso-notebook");
        String desktop = launch("desktop", "iso-desktop");

        for (String computeId : List.of(notebook, desktop)) {
            String[] user = user(data, computeId);
            assertThat(Integer.parseInt(user[1])).isPositive();
            for (Path folder : List.of(data, data.resolve("pgdata"), data.resolve("local"),
                    data.resolve("local/instances"))) {
                assertThat(asUser(user, "ls", folder.toString()).output()).contains("Permission denied");
            }
            for (String file : List.of("vantage-password", "pg_hba.conf", "PG_VERSION", "postgresql.conf")) {
                assertThat(asUser(user, "cat", data.resolve("pgdata").resolve(file).toString()).output())
                        .contains("Permission denied");
            }
            for (String host : List.of("127.0.0.1", "/tmp")) {
                Result noPassword = asUser(user, "psql", "-h", host, "-p", port, "-U", "postgres", "-w", "-c",
                        "select 1", "postgres");
                assertThat(noPassword.exit()).isNotZero();
                assertThat(noPassword.output()).contains("password");
                Result guessed = asUser(user, Map.of("PGPASSWORD", "postgres"), "psql", "-h", host, "-p", port,
                        "-U", "postgres", "-w", "-c", "select 1", "postgres");
                assertThat(guessed.output()).contains("password authentication failed");
            }
        }
        String[] notebookUser = user(data, notebook);
        assertThat(notebookUser[1]).isNotEqualTo(user(data, desktop)[1]);
        // the refusals are about who asks: the portal's user, with the password, gets in the same ways
        for (String host : List.of("127.0.0.1", "/tmp")) {
            Result portal = run(List.of("psql", "-h", host, "-p", port, "-U", "postgres", "-w", "-A", "-t", "-c",
                    "select 1", "postgres"), Map.of("PGPASSWORD", database.password()));
            assertThat(portal.output().strip()).as(portal.output()).isEqualTo("1");
        }
        // and an instance user reaches what is meant for it: its own home
        assertThat(asUser(notebookUser, "ls", "-a", data.resolve("local/instances").resolve(notebook)
                .resolve("home").toString()).exit()).isZero();
    }

    private String launch(String image, String uid) {
        String computeId = provider.compute().create(new CreateInstanceRequest(uid, image, "small", null, null,
                new InstanceMetadata("isolation-test", uid, "alice", List.of(), 1024, 768, null,
                        Long.toHexString(Double.doubleToLongBits(Math.random())) + "secret"), null)).computeId();
        instances.add(computeId);
        await().atMost(Duration.ofSeconds(60)).until(() -> provider.compute().get(computeId).orElseThrow().state(),
                state -> state == CloudState.RUNNING || state == CloudState.ERROR);
        assertThat(provider.compute().get(computeId).orElseThrow().state()).isEqualTo(CloudState.RUNNING);
        return computeId;
    }

    /** name, uid, gid of the instance's user, from the provider's record (readable by the portal only). */
    private static String[] user(Path data, String computeId) throws Exception {
        Properties record = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("local/instances").resolve(computeId)
                .resolve("instance.properties"))) {
            record.load(in);
        }
        String user = record.getProperty("user");
        assertThat(user).as("the instance has a user of its own").matches("vi-[a-z0-9-]+:\\d+:\\d+");
        return user.split(":");
    }

    private static String port(EmbeddedDatabase database) {
        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(database.jdbcUrl());
        assertThat(port.find()).isTrue();
        return port.group(1);
    }

    private record Result(int exit, String output) {
    }

    private static Result asUser(String[] user, String... command) throws Exception {
        return asUser(user, Map.of(), command);
    }

    /** As the instance's processes run: setpriv to its uid, gid and groups, with a small clean environment. */
    private static Result asUser(String[] user, Map<String, String> environment, String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + user[1], "--regid=" + user[2],
                "--init-groups", "--"));
        full.addAll(List.of(command));
        return run(full, environment);
    }

    private static Result run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("HOME", "/");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean isRoot() throws Exception {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    @AfterEach
    void deleteInstances() {
        if (provider != null) {
            instances.forEach(provider.compute()::delete);
            provider.close();
        }
    }
}
