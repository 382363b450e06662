package io.vantage.web.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.vantage.VantagePortalApplication;
import io.vantage.etl.cli.EtlApplication;

/**
 * The chart's migration Job for real, on a PostgreSQL set up exactly as docs/deployment.md says (its SQL is run
 * verbatim): the {@code migrate} task as the schema owner, then the portal and the ETL as a user with data rights
 * only and Flyway off, as the chart starts them. The portal must pass Hibernate's schema validation and serve
 * actuator on its management port only; the ETL must import compose's sample export (docker/user-office).
 */
class MigrationJobTest {

    static EmbeddedPostgres postgres;
    static String url;

    @BeforeAll
    static void databaseAsDocumented() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        execute(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                DocumentedExamples.named(ChartConfigurationTest.DOCS, "sql", "create-roles").text());
        url = postgres.getJdbcUrl("postgres", "vantage").replaceFirst("\\?.*$", "");
        execute(url, "postgres", "", DocumentedExamples.named(ChartConfigurationTest.DOCS, "sql", "grants").text());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theJobMigratesAndThePortalAndEtlRunWithoutSchemaRights() throws Exception {
        assertThat(DeploymentTasks.run("migrate", "--spring.datasource.url=" + url,
                "--spring.datasource.username=vantage_owner", "--spring.datasource.password=change-me-owner",
                "--spring.flyway.enabled=false")).as("Flyway runs even where the file says false").hasValue(0);
        JdbcTemplate owner = jdbc("vantage_owner", "change-me-owner");
        int migrations = owner.queryForObject("select count(*) from flyway_schema_history where success", Integer.class);
        assertThat(migrations).isGreaterThanOrEqualTo(8);
        assertThat(owner.queryForObject("select tableowner from pg_tables where tablename = 'instances'", String.class))
                .isEqualTo("vantage_owner");

        JdbcTemplate app = jdbc("vantage", "change-me");
        assertThatThrownBy(() -> app.execute("create table intruder (id int)")).rootCause()
                .hasMessageContaining("permission denied for schema public");

        try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(VantagePortalApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=vantage",
                        "--spring.datasource.password=change-me", "--spring.flyway.enabled=false",
                        "--server.port=0", "--management.server.port=0", "--vantage.expiry.enabled=false")) {
            assertThat(portal.getBeanProvider(Flyway.class).getIfAvailable()).isNull();
            String port = portal.getEnvironment().getProperty("local.server.port");
            String management = portal.getEnvironment().getProperty("local.management.port");
            assertThat(status(management, "/actuator/health/readiness")).isEqualTo(200);
            assertThat(status(port, "/actuator/health/readiness")).as("actuator is not on the application port")
                    .isEqualTo(404);
            // the deployment id, generated once and written by the portal's own user
            assertThat(app.queryForObject("select value from portal_settings where key = 'deployment-id'", String.class))
                    .startsWith("vantage-");
        }

        int exit = EtlApplication.run("--dir=" + Repository.path("docker/user-office"), "--spring.datasource.url=" + url,
                "--spring.datasource.username=vantage", "--spring.datasource.password=change-me",
                "--spring.flyway.enabled=false");
        assertThat(exit).isZero();
        assertThat(app.queryForList("select id from users order by id", String.class))
                .containsExactly("1001", "1002", "2001", "3001", "9001", "admin");
        assertThat(app.queryForObject("select count(*) from experiment_users where user_id = '1001'", Integer.class))
                .isEqualTo(3);
        assertThat(owner.queryForObject("select count(*) from flyway_schema_history", Integer.class))
                .as("nobody but the Job migrated").isEqualTo(migrations);
    }

    private static int status(String port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JdbcTemplate jdbc(String user, String password) {
        return new JdbcTemplate(new DriverManagerDataSource(url, user, password));
    }

    private static void execute(String jdbcUrl, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String part : sql.split(";\\s*(\\n|$)")) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
        }
    }
}
