package io.vantage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.vantage.domain.database.EmbeddedDatabaseAutoConfiguration.EmbeddedDataSource;

/**
 * The portal with its embedded defaults, on a real port: embedded PostgreSQL with data in a directory, migrations,
 * demo data, health endpoint. Only the data directory differs from a bare {@code java -jar}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalStartupTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("vantage-startup-test");
        registry.add("vantage.database.embedded.data-dir", () -> dir.resolve("pgdata").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthIsUpOverRealHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void runsOnTheEmbeddedDatabaseSeededWithTheDemoFacility() {
        assertThat(dataSource).isInstanceOf(EmbeddedDataSource.class);
        assertThat(jdbc.queryForObject("select count(*) from users", Integer.class)).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForList("select provider_image_id from images order by 1", String.class))
                .containsExactly("desktop", "notebook");
        assertThat(jdbc.queryForObject("select count(*) from plans", Integer.class)).isEqualTo(6);
    }
}
