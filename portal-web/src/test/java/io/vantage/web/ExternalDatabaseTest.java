package io.vantage.web;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.vantage.domain.database.EmbeddedDatabaseAutoConfiguration.EmbeddedDataSource;
import io.vantage.domain.database.EmbeddedPostgresServer;

/**
 * With spring.datasource.url set, the portal uses that database: no embedded pool of its own, migrations applied
 * there, and no demo data written into what could be a facility's database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ExternalDatabaseTest {

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresServer.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void usesTheConfiguredDatabaseAndSeedsNothing() {
        assertThat(dataSource).isNotInstanceOf(EmbeddedDataSource.class);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from users", Integer.class)).isZero();
    }
}
